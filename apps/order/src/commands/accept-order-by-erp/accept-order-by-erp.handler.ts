import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '@switchboard/event-sourcing';
import { orderDecider, orderStream } from '@switchboard/order-domain';
import { AcceptOrderByErpCommand } from './accept-order-by-erp.command';

/** Idempotent through the aggregate: a redelivered acceptance under the same ERP number appends nothing. */
@CommandHandler(AcceptOrderByErpCommand)
export class AcceptOrderByErpHandler implements ICommandHandler<AcceptOrderByErpCommand, void> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ accepted }: AcceptOrderByErpCommand): Promise<void> {
    const { orderId, erpOrderNumber, lines, conditions, acceptedAt } = accepted;
    await this.executor.execute(
      orderStream(orderId),
      orderDecider,
      { type: 'AcceptOrderByErp', data: { orderId, erpOrderNumber, lines, conditions, acceptedAt: new Date(acceptedAt) } },
      { actor: 'erp' },
    );
  }
}
