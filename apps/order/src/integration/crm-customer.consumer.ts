import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { IntegrationEvent } from '@switchboard/contracts';
import { CorrelationContext } from '@switchboard/observability';
import { applyIntegrationEvent } from '@switchboard/projections';
import { DataSource } from 'typeorm';
import { customerStandingProjection } from '../projections/customer-standing/customer-standing.projection';

/**
 * Keeps the order service's projection of CRM customers: one durable consumer for all of
 * `crm.customer.*` (a customer's events stay in order), the inbox row and the read-model row in one
 * transaction, so a redelivery changes nothing.
 */
@Controller()
export class CrmCustomerConsumer {
  constructor(private readonly dataSource: DataSource) {}

  @EventPattern('crm.customer.*', { handler: 'customer-standing' })
  async handle(@Payload() event: IntegrationEvent): Promise<void> {
    await CorrelationContext.run(CorrelationContext.fromCloudEvent(event), () =>
      applyIntegrationEvent(this.dataSource, customerStandingProjection, event),
    );
  }
}
