import { Controller, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  CONTRACT_CUSTOMER_CREATED,
  CONTRACT_DRAFTED,
  CONTRACT_SIGNED,
  CONTRACT_SIGNED_COPY_STORED,
  type ContractCustomerCreatedV1,
  type ContractDraftedV1,
  type ContractSignedCopyStoredV1,
  type ContractSignedV1,
  type IntegrationEvent,
} from '@switchboard/contracts';
import { CorrelationContext } from '@switchboard/observability';
import { AttachSignedCopyCommand } from '../commands/attach-signed-copy/attach-signed-copy.command';
import { LinkClmCustomerCommand } from '../commands/link-clm-customer/link-clm-customer.command';
import { MarkContractSignedCommand } from '../commands/mark-contract-signed/mark-contract-signed.command';
import { RecordContractDraftCommand } from '../commands/record-contract-draft/record-contract-draft.command';

/**
 * The contract adapter's events, through the command path. One durable consumer for all of
 * `contract.>` (one filter cannot hold `contract.signed` and `contract.signed-copy.stored`
 * otherwise), so a contract's events are taken in the order they were published. Idempotent
 * through the aggregates (a repeat appends nothing). An event overtaking its predecessor (signed
 * before drafted, copy before signature) is refused and throws: NAKed, retried with backoff, and
 * applied once the predecessor is in.
 */
@Controller()
export class ContractConsumer {
  private readonly logger = new Logger(ContractConsumer.name);

  constructor(private readonly commandBus: CommandBus) {}

  @EventPattern('contract.>', { handler: 'contract-events' })
  handle(@Payload() event: IntegrationEvent): Promise<void> {
    return CorrelationContext.run(CorrelationContext.fromCloudEvent(event), async () => {
      switch (event.type) {
        case CONTRACT_CUSTOMER_CREATED.type:
          return this.commandBus.execute(new LinkClmCustomerCommand(event.data as ContractCustomerCreatedV1));
        case CONTRACT_DRAFTED.type:
          return this.commandBus.execute(new RecordContractDraftCommand(event.data as ContractDraftedV1));
        case CONTRACT_SIGNED.type:
          return this.commandBus.execute(new MarkContractSignedCommand(event.data as ContractSignedV1));
        case CONTRACT_SIGNED_COPY_STORED.type:
          return this.commandBus.execute(new AttachSignedCopyCommand(event.data as ContractSignedCopyStoredV1));
        default:
          this.logger.debug(`ignoring ${event.type} ${event.id}: not an event the CRM applies`);
      }
    });
  }
}
