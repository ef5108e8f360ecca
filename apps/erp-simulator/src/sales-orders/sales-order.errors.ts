import { DomainError } from '@switchboard/decider';

/** 422: the ERP refuses the order; `reason` says why (also the problem's detail). */
export class SalesOrderRejected extends DomainError {
  readonly code = 'erp.sales-order.rejected';
  readonly kind = 'invalid';

  constructor(readonly reason: string) {
    super(reason, { reason });
  }
}

export class SalesOrderNotFound extends DomainError {
  readonly code = 'erp.sales-order.not-found';
  readonly kind = 'not_found';

  constructor(orderNumber: string) {
    super(`no sales order ${orderNumber}`, { orderNumber });
  }
}

/** 409: the order cannot move there (invoiced already, or backwards). */
export class SalesOrderCannotAdvance extends DomainError {
  readonly code = 'erp.sales-order.cannot-advance';
  readonly kind = 'conflict';

  constructor(orderNumber: string, status: string, requested: string | undefined) {
    super(`sales order ${orderNumber} is ${status} and cannot move ${requested ? `to ${requested}` : 'further'}`, { orderNumber, status, requested });
  }
}
