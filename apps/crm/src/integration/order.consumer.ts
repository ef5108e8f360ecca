import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { IntegrationEvent } from '@switchboard/contracts';
import { CorrelationContext } from '@switchboard/observability';
import { applyIntegrationEvent } from '@switchboard/projections';
import { DataSource } from 'typeorm';
import { customerOrdersProjection } from '../projections/customer-orders/customer-orders.projection';

/**
 * Keeps the orders of the customer 360 view from `order.*`: one durable consumer, the inbox row
 * and the read-model row in one transaction, so a redelivery changes nothing; an event older than
 * the status shown (by its sequence) leaves the status alone.
 */
@Controller()
export class OrderConsumer {
  constructor(private readonly dataSource: DataSource) {}

  @EventPattern('order.*', { handler: 'customer-orders' })
  async handle(@Payload() event: IntegrationEvent): Promise<void> {
    await CorrelationContext.run(CorrelationContext.fromCloudEvent(event), () =>
      applyIntegrationEvent(this.dataSource, customerOrdersProjection, event),
    );
  }
}
