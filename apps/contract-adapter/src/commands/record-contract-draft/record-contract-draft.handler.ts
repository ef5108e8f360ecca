import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { contractDecider, contractStream } from '@switchboard/contract-domain';
import { CommandExecutor } from '@switchboard/event-sourcing';
import { contractAsReported } from '../../webhooks/clm-contract';
import { RecordContractDraftCommand } from './record-contract-draft.command';

/** Idempotent through the aggregate: a redelivered draft, or one arriving after the signature, appends nothing. */
@CommandHandler(RecordContractDraftCommand)
export class RecordContractDraftHandler implements ICommandHandler<RecordContractDraftCommand, string> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ contract }: RecordContractDraftCommand): Promise<string> {
    const reported = contractAsReported(contract);
    const { contractId } = reported;
    await this.executor.execute(
      contractStream(contractId),
      contractDecider,
      {
        type: 'RecordContractDraft',
        data: reported,
      },
      { actor: 'clm' },
    );
    return contractId;
  }
}
