import { Command } from '@nestjs/cqrs';
import type { CrmSignedCopyRequestedV1 } from '@switchboard/contracts';

/** From `crm.signed-copy.requested`. */
export class StoreSignedCopyCommand extends Command<void> {
  constructor(readonly requested: CrmSignedCopyRequestedV1) {
    super();
  }
}
