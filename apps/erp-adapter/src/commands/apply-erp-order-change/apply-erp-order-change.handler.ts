import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { erpOrderSyncDecider, erpOrderSyncStream } from '@switchboard/erp-domain';
import { CommandExecutor } from '@switchboard/event-sourcing';
import { ApplyErpOrderChangeCommand } from './apply-erp-order-change.command';

/**
 * Applies the ERP's change to ErpOrderSync. Idempotent by the ERP record version, so the webhook
 * and the poller may both deliver it, in any order, any number of times. Nothing goes back to the
 * ERP: the change came from it (the event records its origin).
 */
@CommandHandler(ApplyErpOrderChangeCommand)
export class ApplyErpOrderChangeHandler implements ICommandHandler<ApplyErpOrderChangeCommand, { applied: boolean }> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ change, origin }: ApplyErpOrderChangeCommand): Promise<{ applied: boolean }> {
    const { newEvents } = await this.executor.execute(
      erpOrderSyncStream(change.externalRef),
      erpOrderSyncDecider,
      {
        type: 'ApplyErpOrderChange',
        data: {
          orderId: change.externalRef,
          erpOrderNumber: change.orderNumber,
          status: change.status,
          erpVersion: change.version,
          changeId: String(change.changeId),
          origin,
          changedAt: new Date(change.changedAt),
        },
      },
      { actor: `erp:${origin}` },
    );
    return { applied: newEvents.length > 0 };
  }
}
