import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { contractDecider, contractStream } from '@switchboard/contract-domain';
import { CommandExecutor } from '@switchboard/event-sourcing';
import { contractAsReported } from '../../webhooks/clm-contract';
import { RecordContractSignatureCommand } from './record-contract-signature.command';

/**
 * Idempotent through the aggregate: a redelivered signature appends nothing, and one overtaking
 * its draft records the draft too (the webhook carries the whole contract).
 */
@CommandHandler(RecordContractSignatureCommand)
export class RecordContractSignatureHandler implements ICommandHandler<
  RecordContractSignatureCommand,
  string
> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ contract }: RecordContractSignatureCommand): Promise<string> {
    const reported = contractAsReported(contract);
    const { contractId } = reported;
    await this.executor.execute(
      contractStream(contractId),
      contractDecider,
      {
        type: 'RecordContractSignature',
        data: {
          ...reported,
          // A missing signature time or signatory is refused by the decider (invalid date / empty text).
          signedAt: new Date(contract.signedAt ?? Number.NaN),
          signedBy: contract.signedBy ?? '',
        },
      },
      { actor: 'clm' },
    );
    return contractId;
  }
}
