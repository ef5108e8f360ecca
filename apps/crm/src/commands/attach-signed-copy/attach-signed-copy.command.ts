import { Command } from '@nestjs/cqrs';
import type { ContractSignedCopyStoredV1 } from '@switchboard/contracts';

/** From `contract.signed-copy.stored`. */
export class AttachSignedCopyCommand extends Command<void> {
  constructor(readonly stored: ContractSignedCopyStoredV1) {
    super();
  }
}
