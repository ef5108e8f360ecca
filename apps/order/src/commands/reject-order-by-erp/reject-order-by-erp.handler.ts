import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '@switchboard/event-sourcing';
import { orderDecider, orderStream } from '@switchboard/order-domain';
import { RejectOrderByErpCommand } from './reject-order-by-erp.command';

/** Idempotent through the aggregate: a redelivered rejection appends nothing. */
@CommandHandler(RejectOrderByErpCommand)
export class RejectOrderByErpHandler implements ICommandHandler<RejectOrderByErpCommand, void> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ rejected }: RejectOrderByErpCommand): Promise<void> {
    const { orderId, reason, rejectedAt } = rejected;
    await this.executor.execute(
      orderStream(orderId),
      orderDecider,
      { type: 'RejectOrderByErp', data: { orderId, reason, rejectedAt: new Date(rejectedAt) } },
      { actor: 'erp' },
    );
  }
}
