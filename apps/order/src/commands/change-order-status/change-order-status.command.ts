import { Command } from '@nestjs/cqrs';
import type { ErpOrderUpdatedV1 } from '@switchboard/contracts';

/** From `erp.order.updated`. */
export class ChangeOrderStatusCommand extends Command<void> {
  constructor(readonly updated: ErpOrderUpdatedV1) {
    super();
  }
}
