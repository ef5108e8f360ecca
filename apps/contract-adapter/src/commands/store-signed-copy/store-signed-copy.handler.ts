import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { contractDecider, contractStream } from '@switchboard/contract-domain';
import { CommandExecutor } from '@switchboard/event-sourcing';
import { ClmApiClient } from '../../callouts/clm-api.client';
import { DocumentStore } from '../../documents/document-store';
import { SignedCopyCorrupted } from './signed-copy-corrupted.error';
import { StoreSignedCopyCommand } from './store-signed-copy.command';

/**
 * Fetches the signed document from the CLM, stores it content-addressed, and records it on the
 * Contract (the relay publishes `contract.signed-copy.stored`). Every step is safe to repeat: the
 * same bytes are stored once and the same copy recorded once. A callout that keeps failing, or a
 * copy requested before the signature is recorded, throws: JetStream retries it with backoff.
 * Only a read from the CLM: nothing is written back to it.
 */
@CommandHandler(StoreSignedCopyCommand)
export class StoreSignedCopyHandler implements ICommandHandler<StoreSignedCopyCommand, void> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly clm: ClmApiClient,
    private readonly documents: DocumentStore,
  ) {}

  async execute({ requested }: StoreSignedCopyCommand): Promise<void> {
    const { contractId, clmContractId } = requested;
    const document = await this.clm.contractDocument(clmContractId);
    const sha256 = DocumentStore.sha256(document.bytes);
    if (document.etagSha256 !== undefined && document.etagSha256 !== sha256) {
      throw new SignedCopyCorrupted(clmContractId, document.etagSha256, sha256);
    }
    const stored = await this.documents.store(document.bytes, document.contentType);
    await this.executor.execute(
      contractStream(contractId),
      contractDecider,
      {
        type: 'RecordSignedCopy',
        data: { contractId, documentId: stored.sha256, sha256: stored.sha256, size: stored.size, contentType: stored.contentType, storedAt: stored.storedAt },
      },
      { actor: 'crm' },
    );
  }
}
