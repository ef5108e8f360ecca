import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { customerDecider, customerStream } from '@switchboard/crm-domain';
import { CommandExecutor, type CommandAcceptedResponse } from '@switchboard/event-sourcing';
import { ChangeCustomerDetailsCommand } from './change-customer-details.command';

/** A patch that changes nothing (or a repeat of one) appends nothing and answers with the current position. */
@CommandHandler(ChangeCustomerDetailsCommand)
export class ChangeCustomerDetailsHandler implements ICommandHandler<ChangeCustomerDetailsCommand, CommandAcceptedResponse> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ customerId, patch }: ChangeCustomerDetailsCommand): Promise<CommandAcceptedResponse> {
    const { position } = await this.executor.execute(customerStream(customerId), customerDecider, {
      type: 'ChangeCustomerDetails',
      data: { customerId, ...patch, changedAt: new Date() },
    });
    return { id: customerId, position };
  }
}
