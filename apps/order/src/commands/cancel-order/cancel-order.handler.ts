import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor, type CommandAcceptedResponse } from '@switchboard/event-sourcing';
import { orderDecider, orderStream } from '@switchboard/order-domain';
import { CancelOrderCommand } from './cancel-order.command';

@CommandHandler(CancelOrderCommand)
export class CancelOrderHandler implements ICommandHandler<CancelOrderCommand, CommandAcceptedResponse> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ orderId, reason }: CancelOrderCommand): Promise<CommandAcceptedResponse> {
    const { position } = await this.executor.execute(orderStream(orderId), orderDecider, {
      type: 'CancelOrder',
      data: { orderId, reason, cancelledAt: new Date() },
    });
    return { id: orderId, position };
  }
}
