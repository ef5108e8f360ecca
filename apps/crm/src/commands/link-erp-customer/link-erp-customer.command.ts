import { Command } from '@nestjs/cqrs';
import type { ErpCustomerCreatedV1 } from '@switchboard/contracts';

/** From `erp.customer.created`. */
export class LinkErpCustomerCommand extends Command<void> {
  constructor(readonly created: ErpCustomerCreatedV1) {
    super();
  }
}
