import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { contractDecider, contractIdForClmContract, contractStream } from '@switchboard/contract-domain';
import { CommandExecutor } from '@switchboard/event-sourcing';
import { RecordContractDraftCommand } from './record-contract-draft.command';

/** Idempotent through the aggregate: a redelivered draft, or one arriving after the signature, appends nothing. */
@CommandHandler(RecordContractDraftCommand)
export class RecordContractDraftHandler implements ICommandHandler<RecordContractDraftCommand, string> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ contract }: RecordContractDraftCommand): Promise<string> {
    const contractId = contractIdForClmContract(contract.id);
    await this.executor.execute(
      contractStream(contractId),
      contractDecider,
      {
        type: 'RecordContractDraft',
        data: {
          contractId,
          clmContractId: contract.id,
          customerId: contract.customerExternalRef,
          clmCustomerId: contract.clmCustomerId,
          title: contract.title,
          conditions: { ...contract.conditions, validTo: contract.conditions.validTo ?? null },
          draftedAt: new Date(contract.draftedAt),
        },
      },
      { actor: 'clm' },
    );
    return contractId;
  }
}
