import { Controller, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { IntegrationEvent, OrderPlacedV1 } from '@switchboard/contracts';
import { skipsEchoTo } from '@switchboard/messaging';
import { CorrelationContext } from '@switchboard/observability';
import { SubmitOrderCommand } from '../commands/submit-order/submit-order.command';

/**
 * `order.placed` → a sales order in the ERP. Idempotent through ErpOrderSync and the ERP's
 * Idempotency-Key (= this event's id). An order of a customer the ERP does not have yet is
 * retried with backoff (the customer's `crm.customer.won` is handled meanwhile). An order whose
 * change started in the ERP (origin `erp`) is not submitted back to it.
 *
 * 64 orders in flight instead of the default 16: a handler waits on the ERP's answer, so the
 * consumer takes at most concurrency / handler time orders a second. With 16, a slower minute of
 * the machine (handlers at 160 ms) capped it below 100/s and the backlog grew here, ahead of the
 * ERP (`bench/flow.bench.ts`, hop 1); the ERP's own limits are the circuit breaker's and 429's.
 */
@Controller()
export class OrderConsumer {
  private readonly logger = new Logger(OrderConsumer.name);

  constructor(private readonly commandBus: CommandBus) {}

  @EventPattern('order.placed', { handler: 'erp-order', consumer: { maxDeliver: 10, backoffMs: [1_000, 2_000, 5_000, 15_000, 30_000, 60_000], concurrency: 64 } })
  handle(@Payload() event: IntegrationEvent<OrderPlacedV1>): Promise<void> {
    return CorrelationContext.run(CorrelationContext.fromCloudEvent(event), async () => {
      if (skipsEchoTo('erp', event, this.logger)) return;
      await this.commandBus.execute(new SubmitOrderCommand(event.data, event.id));
    });
  }
}
