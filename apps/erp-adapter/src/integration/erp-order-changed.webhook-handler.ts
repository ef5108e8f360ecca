import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CorrelationContext } from '@switchboard/observability';
import { UnprocessableWebhook, type ReceivedWebhook, type WebhookHandler } from '@switchboard/webhooks';
import { ApplyErpOrderChangeCommand } from '../commands/apply-erp-order-change/apply-erp-order-change.command';
import { erpSalesOrderChangeProblem, SALES_ORDER_UPDATED, type ErpSalesOrderChange } from './erp-sales-order-change';

interface ErpWebhookBody {
  readonly type?: unknown;
  readonly data?: unknown;
}

export interface ErpOrderChangeOutcome {
  readonly orderId: string;
  readonly erpVersion: number;
  /** false: a version already applied (a repeat, or one the poller brought first). */
  readonly applied: boolean;
}

/**
 * `POST /webhooks/erp`: the ERP's `sales-order.updated` (`sales-order.created` is ignored by the
 * touchpoint). Anything else can never be applied (422 in sync mode, dead at once). A change whose acceptance is not recorded yet is refused by the
 * aggregate and retried by the webhook processor with backoff. Applied as a chain that starts at
 * the webhook in the ERP (origin `erp`), so what follows is never written back to the ERP.
 */
@Injectable()
export class ErpOrderChangedWebhookHandler implements WebhookHandler<ErpWebhookBody, ErpOrderChangeOutcome> {
  constructor(private readonly commandBus: CommandBus) {}

  async handle(webhook: ReceivedWebhook<ErpWebhookBody>): Promise<ErpOrderChangeOutcome> {
    const { type, data } = webhook.payload ?? {};
    if (type !== SALES_ORDER_UPDATED) throw new UnprocessableWebhook(`webhook type ${String(type)} is not ${SALES_ORDER_UPDATED}`);
    const problem = erpSalesOrderChangeProblem(data);
    if (problem) throw new UnprocessableWebhook(problem);
    const change = data as ErpSalesOrderChange;
    const { applied } = await CorrelationContext.run(CorrelationContext.fromExternalChange('erp', webhook.id), () =>
      this.commandBus.execute(new ApplyErpOrderChangeCommand(change, 'webhook')),
    );
    return { orderId: change.externalRef, erpVersion: change.version, applied };
  }
}
