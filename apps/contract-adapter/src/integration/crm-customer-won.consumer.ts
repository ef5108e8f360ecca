import { Controller, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { CrmCustomerWonV1, IntegrationEvent } from '@switchboard/contracts';
import { skipsEchoTo } from '@switchboard/messaging';
import { CorrelationContext } from '@switchboard/observability';
import { CreateClmCustomerCommand } from '../commands/create-clm-customer/create-clm-customer.command';

/**
 * A customer won in the CRM is created in the CLM. Idempotent through ClmCustomerSync (a
 * redelivery after the creation does nothing) and the CLM's Idempotency-Key (one mid-way calls
 * again under the same key). A failing callout throws: NAKed, retried with backoff, dead-lettered
 * at last, from where it can be replayed. A customer whose change started in the CLM (origin
 * `clm`) is not written back to it.
 */
@Controller()
export class CrmCustomerWonConsumer {
  private readonly logger = new Logger(CrmCustomerWonConsumer.name);

  constructor(private readonly commandBus: CommandBus) {}

  @EventPattern('crm.customer.won', { handler: 'create-clm-customer' })
  handle(@Payload() event: IntegrationEvent<CrmCustomerWonV1>): Promise<void> {
    return CorrelationContext.run(CorrelationContext.fromCloudEvent(event), async () => {
      if (skipsEchoTo('clm', event, this.logger)) return;
      await this.commandBus.execute(new CreateClmCustomerCommand(event.data.customerId, event.id));
    });
  }
}
