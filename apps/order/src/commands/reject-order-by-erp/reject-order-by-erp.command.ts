import { Command } from '@nestjs/cqrs';
import type { ErpOrderRejectedV1 } from '@switchboard/contracts';

/** From `erp.order.rejected`. */
export class RejectOrderByErpCommand extends Command<void> {
  constructor(readonly rejected: ErpOrderRejectedV1) {
    super();
  }
}
