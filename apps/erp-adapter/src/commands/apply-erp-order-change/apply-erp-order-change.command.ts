import { Command } from '@nestjs/cqrs';
import type { ErpChangeOrigin } from '@switchboard/erp-domain';
import type { ErpSalesOrderChange } from '../../integration/erp-sales-order-change';

/** A change of an ERP sales order, from its webhook or its changes feed. Resolves to whether it was new. */
export class ApplyErpOrderChangeCommand extends Command<{ applied: boolean }> {
  constructor(
    readonly change: ErpSalesOrderChange,
    readonly origin: ErpChangeOrigin,
  ) {
    super();
  }
}
