import { Controller, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { ContractSignedV1, IntegrationEvent } from '@switchboard/contracts';
import { skipsEchoTo } from '@switchboard/messaging';
import { CorrelationContext } from '@switchboard/observability';
import { PushContractConditionsCommand } from '../commands/push-contract-conditions/push-contract-conditions.command';

/**
 * `contract.signed` → the contract's conditions on the ERP customer. Idempotent through
 * ErpCustomerSync and the Idempotency-Key. A signature whose change started in the ERP (origin
 * `erp`) is not written back to it.
 */
@Controller()
export class ContractConsumer {
  private readonly logger = new Logger(ContractConsumer.name);

  constructor(private readonly commandBus: CommandBus) {}

  @EventPattern('contract.signed', { handler: 'erp-conditions', consumer: { maxDeliver: 10, backoffMs: [1_000, 2_000, 5_000, 15_000, 30_000, 60_000] } })
  handle(@Payload() event: IntegrationEvent<ContractSignedV1>): Promise<void> {
    return CorrelationContext.run(CorrelationContext.fromCloudEvent(event), async () => {
      if (skipsEchoTo('erp', event, this.logger)) return;
      await this.commandBus.execute(new PushContractConditionsCommand(event.data, event.id));
    });
  }
}
