import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { customerDecider, customerStream } from '@switchboard/crm-domain';
import { CommandExecutor } from '@switchboard/event-sourcing';
import { LinkErpCustomerCommand } from './link-erp-customer.command';

/** Idempotent through the aggregate: the same ERP number again appends nothing; another one is a conflict. */
@CommandHandler(LinkErpCustomerCommand)
export class LinkErpCustomerHandler implements ICommandHandler<LinkErpCustomerCommand, void> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ created }: LinkErpCustomerCommand): Promise<void> {
    const { customerId, erpCustomerNumber } = created;
    await this.executor.execute(
      customerStream(customerId),
      customerDecider,
      { type: 'LinkErpCustomer', data: { customerId, erpCustomerNumber, linkedAt: new Date() } },
      { actor: 'erp-adapter' },
    );
  }
}
