import { Controller, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ERP_CUSTOMER_CREATED, type ErpCustomerCreatedV1, type IntegrationEvent } from '@switchboard/contracts';
import { CorrelationContext } from '@switchboard/observability';
import { LinkErpCustomerCommand } from '../commands/link-erp-customer/link-erp-customer.command';

/**
 * The ERP adapter's news about customers: links the ERP customer number. Idempotent through the
 * Customer aggregate (the same number again appends nothing). A link for a customer not known yet
 * is refused and NAKed, retried with backoff, and dead-lettered at last.
 */
@Controller()
export class ErpCustomerConsumer {
  private readonly logger = new Logger(ErpCustomerConsumer.name);

  constructor(private readonly commandBus: CommandBus) {}

  @EventPattern('erp.customer.*', { handler: 'erp-customer' })
  handle(@Payload() event: IntegrationEvent): Promise<void> {
    return CorrelationContext.run(CorrelationContext.fromCloudEvent(event), async () => {
      if (event.type === ERP_CUSTOMER_CREATED.type) {
        return this.commandBus.execute(new LinkErpCustomerCommand(event.data as ErpCustomerCreatedV1));
      }
      this.logger.debug(`ignoring ${event.type} ${event.id}: not an event the CRM applies`);
    });
  }
}
