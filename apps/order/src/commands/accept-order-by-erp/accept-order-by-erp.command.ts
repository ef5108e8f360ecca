import { Command } from '@nestjs/cqrs';
import type { ErpOrderAcceptedV1 } from '@switchboard/contracts';

/** From `erp.order.accepted`. */
export class AcceptOrderByErpCommand extends Command<void> {
  constructor(readonly accepted: ErpOrderAcceptedV1) {
    super();
  }
}
