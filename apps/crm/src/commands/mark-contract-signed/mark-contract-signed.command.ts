import { Command } from '@nestjs/cqrs';
import type { ContractSignedV1 } from '@switchboard/contracts';

/** From `contract.signed`. */
export class MarkContractSignedCommand extends Command<void> {
  constructor(readonly signed: ContractSignedV1) {
    super();
  }
}
