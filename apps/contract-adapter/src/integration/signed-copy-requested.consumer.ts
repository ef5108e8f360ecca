import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { CrmSignedCopyRequestedV1, IntegrationEvent } from '@switchboard/contracts';
import { CorrelationContext } from '@switchboard/observability';
import { StoreSignedCopyCommand } from '../commands/store-signed-copy/store-signed-copy.command';

/**
 * The CRM asks for a contract's signed copy: fetched from the CLM, stored, reported. Idempotent
 * through the content-addressed store and the Contract aggregate; a failure throws and is retried
 * by JetStream with backoff, then dead-lettered.
 */
@Controller()
export class SignedCopyRequestedConsumer {
  constructor(private readonly commandBus: CommandBus) {}

  @EventPattern('crm.signed-copy.requested', { handler: 'store-signed-copy' })
  handle(@Payload() event: IntegrationEvent<CrmSignedCopyRequestedV1>): Promise<void> {
    return CorrelationContext.run(CorrelationContext.fromCloudEvent(event), () =>
      this.commandBus.execute(new StoreSignedCopyCommand(event.data)),
    );
  }
}
