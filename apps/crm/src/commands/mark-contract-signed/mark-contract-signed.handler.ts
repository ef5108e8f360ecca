import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { contractRecordDecider, contractRecordStream } from '@switchboard/crm-domain';
import { CommandExecutor } from '@switchboard/event-sourcing';
import { MarkContractSignedCommand } from './mark-contract-signed.command';

/**
 * Marks the record signed and requests the signed copy (ContractSigned + SignedCopyRequested; the
 * relay publishes the request as crm.signed-copy.requested). A repeat appends nothing; a signature
 * overtaking its draft is refused (404 kind), so the message is retried until the draft is in.
 */
@CommandHandler(MarkContractSignedCommand)
export class MarkContractSignedHandler implements ICommandHandler<MarkContractSignedCommand, void> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ signed }: MarkContractSignedCommand): Promise<void> {
    const { contractId, signedAt } = signed;
    await this.executor.execute(
      contractRecordStream(contractId),
      contractRecordDecider,
      { type: 'MarkContractSigned', data: { contractId, signedAt: new Date(signedAt), requestedAt: new Date() } },
      { actor: 'contract-adapter' },
    );
  }
}
