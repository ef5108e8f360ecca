import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '@switchboard/event-sourcing';
import { orderDecider, orderStream } from '@switchboard/order-domain';
import { ChangeOrderStatusCommand } from './change-order-status.command';

/** Idempotent through the aggregate: an update at or below the last applied erpVersion appends nothing. */
@CommandHandler(ChangeOrderStatusCommand)
export class ChangeOrderStatusHandler implements ICommandHandler<ChangeOrderStatusCommand, void> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ updated }: ChangeOrderStatusCommand): Promise<void> {
    const { orderId, status, erpVersion, changedAt } = updated;
    await this.executor.execute(
      orderStream(orderId),
      orderDecider,
      { type: 'ChangeOrderStatus', data: { orderId, status, erpVersion, changedAt: new Date(changedAt) } },
      { actor: 'erp' },
    );
  }
}
