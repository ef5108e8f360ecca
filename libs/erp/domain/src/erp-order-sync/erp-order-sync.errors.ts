import { DomainError } from '@switchboard/decider';

/** The order was answered otherwise before (accepted under another number, or rejected). */
export class ErpOrderAlreadyAnswered extends DomainError {
  readonly code = 'erp.order-sync.already-answered';
  readonly kind = 'conflict';
  constructor(orderId: string, answer: string) {
    super(`order ${orderId} was already ${answer} by the ERP`, { orderId, answer });
  }
}

/**
 * A change for an order whose acceptance is not recorded yet (the webhook overtook the
 * `POST /sales-orders` answer) or that was never submitted by us: refused, so it is retried.
 */
export class ErpOrderNotAccepted extends DomainError {
  readonly code = 'erp.order-sync.not-accepted';
  readonly kind = 'not_found';
  constructor(orderId: string) {
    super(`order ${orderId} has no ERP acceptance recorded`, { orderId });
  }
}

export class InvalidErpOrderSyncField extends DomainError {
  readonly code = 'erp.order-sync.invalid-field';
  readonly kind = 'invalid';
  constructor(field: string, problem: string) {
    super(`${field} ${problem}`, { field, problem });
  }
}
