import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { customerDecider, customerStream } from '@switchboard/crm-domain';
import { CommandExecutor } from '@switchboard/event-sourcing';
import { LinkClmCustomerCommand } from './link-clm-customer.command';

/** Idempotent through the aggregate: the same CLM id again appends nothing; another one is a conflict. */
@CommandHandler(LinkClmCustomerCommand)
export class LinkClmCustomerHandler implements ICommandHandler<LinkClmCustomerCommand, void> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ created }: LinkClmCustomerCommand): Promise<void> {
    const { customerId, clmCustomerId } = created;
    await this.executor.execute(
      customerStream(customerId),
      customerDecider,
      { type: 'LinkClmCustomer', data: { customerId, clmCustomerId, linkedAt: new Date() } },
      { actor: 'contract-adapter' },
    );
  }
}
