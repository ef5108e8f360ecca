import { Controller, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { CrmCustomerWonV1, IntegrationEvent } from '@switchboard/contracts';
import { skipsEchoTo } from '@switchboard/messaging';
import { CorrelationContext } from '@switchboard/observability';
import { SyncWonCustomerCommand } from '../commands/sync-won-customer/sync-won-customer.command';

/**
 * `crm.customer.won` → the customer in the ERP. Idempotent through ErpCustomerSync and the ERP's
 * Idempotency-Key (= this event's id). Failures propagate: NAK, backoff, and the DLQ at last.
 * A customer whose change started in the ERP (origin `erp`) is not written back to it.
 */
@Controller()
export class CrmCustomerConsumer {
  private readonly logger = new Logger(CrmCustomerConsumer.name);

  constructor(private readonly commandBus: CommandBus) {}

  @EventPattern('crm.customer.won', { handler: 'erp-customer', consumer: { maxDeliver: 10, backoffMs: [1_000, 2_000, 5_000, 15_000, 30_000, 60_000] } })
  handle(@Payload() event: IntegrationEvent<CrmCustomerWonV1>): Promise<void> {
    return CorrelationContext.run(CorrelationContext.fromCloudEvent(event), async () => {
      if (skipsEchoTo('erp', event, this.logger)) return;
      await this.commandBus.execute(new SyncWonCustomerCommand(event.data.customerId, event.id));
    });
  }
}
