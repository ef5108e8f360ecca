import { Command } from '@nestjs/cqrs';
import type { ContractDraftedV1 } from '@switchboard/contracts';

/** From `contract.drafted`. */
export class RecordContractDraftCommand extends Command<void> {
  constructor(readonly drafted: ContractDraftedV1) {
    super();
  }
}
