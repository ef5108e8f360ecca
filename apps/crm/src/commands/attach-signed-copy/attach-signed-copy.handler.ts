import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { contractRecordDecider, contractRecordStream } from '@switchboard/crm-domain';
import { CommandExecutor } from '@switchboard/event-sourcing';
import { AttachSignedCopyCommand } from './attach-signed-copy.command';

/** Idempotent through the aggregate: the same document again appends nothing; before the signature it is refused and retried. */
@CommandHandler(AttachSignedCopyCommand)
export class AttachSignedCopyHandler implements ICommandHandler<AttachSignedCopyCommand, void> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ stored }: AttachSignedCopyCommand): Promise<void> {
    const { contractId, documentId, sha256, size, url } = stored;
    await this.executor.execute(
      contractRecordStream(contractId),
      contractRecordDecider,
      { type: 'AttachSignedCopy', data: { contractId, documentId, sha256, size, url, attachedAt: new Date() } },
      { actor: 'contract-adapter' },
    );
  }
}
