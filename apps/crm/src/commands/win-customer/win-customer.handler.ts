import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { customerDecider, customerStream } from '@switchboard/crm-domain';
import { CommandExecutor, type CommandAcceptedResponse } from '@switchboard/event-sourcing';
import { WinCustomerCommand } from './win-customer.command';

/** Winning a won customer appends nothing and answers success ("already won") with the current position. */
@CommandHandler(WinCustomerCommand)
export class WinCustomerHandler implements ICommandHandler<WinCustomerCommand, CommandAcceptedResponse> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ customerId }: WinCustomerCommand): Promise<CommandAcceptedResponse> {
    const { position } = await this.executor.execute(customerStream(customerId), customerDecider, {
      type: 'WinCustomer',
      data: { customerId, wonAt: new Date() },
    });
    return { id: customerId, position };
  }
}
