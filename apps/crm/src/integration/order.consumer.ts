import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { IntegrationEvent } from '@switchboard/contracts';
import type { JetStreamContext } from '@switchboard/messaging';
import { CorrelationContext } from '@switchboard/observability';
import { applyIntegrationEvent } from '@switchboard/projections';
import { DataSource } from 'typeorm';
import { customerOrdersProjection, type OrderIntegrationEvent } from '../projections/customer-orders/customer-orders.projection';

/**
 * Keeps the orders of the customer 360 view from `order.*`: one durable consumer, the inbox row
 * and the read-model row in one transaction, so a redelivery changes nothing; an event older than
 * the status shown (by its sequence) leaves the status alone.
 */
@Controller()
export class OrderConsumer {
  constructor(private readonly dataSource: DataSource) {}

  @EventPattern('order.*', { handler: 'customer-orders' })
  async handle(@Payload() event: IntegrationEvent, @Ctx() context: JetStreamContext): Promise<void> {
    const sequenced: OrderIntegrationEvent = { ...event, ...relayedSequence(context) };
    await CorrelationContext.run(CorrelationContext.fromCloudEvent(event), () =>
      applyIntegrationEvent(this.dataSource, customerOrdersProjection, sequenced),
    );
  }
}

/**
 * The CloudEvents `sequence` extension the relay stamps (the order's stream revision). Read from
 * the raw body because decodeIntegrationEvent does not carry extensions beyond the correlation ids.
 */
function relayedSequence(context: JetStreamContext): { sequence?: string } {
  const { sequence } = context.getMessage().msg.json<{ sequence?: unknown }>();
  return typeof sequence === 'string' && /^\d{1,20}$/.test(sequence) ? { sequence } : {};
}
