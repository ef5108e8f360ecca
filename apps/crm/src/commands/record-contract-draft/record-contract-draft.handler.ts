import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { contractRecordDecider, contractRecordStream } from '@switchboard/crm-domain';
import { CommandExecutor } from '@switchboard/event-sourcing';
import { RecordContractDraftCommand } from './record-contract-draft.command';

/** Idempotent through the aggregate: a redelivered draft, or one arriving after the signature, appends nothing. */
@CommandHandler(RecordContractDraftCommand)
export class RecordContractDraftHandler implements ICommandHandler<RecordContractDraftCommand, void> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ drafted }: RecordContractDraftCommand): Promise<void> {
    const { contractId, customerId, clmContractId, title, draftedAt } = drafted;
    await this.executor.execute(
      contractRecordStream(contractId),
      contractRecordDecider,
      { type: 'RecordContractDraft', data: { contractId, customerId, clmContractId, title, draftedAt: new Date(draftedAt) } },
      { actor: 'contract-adapter' },
    );
  }
}
