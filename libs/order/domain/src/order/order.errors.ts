import { DomainError } from '@switchboard/decider';
import type { OrderStatus } from './order.events';

export class OrderNotFound extends DomainError {
  readonly code = 'order.not-found';
  readonly kind = 'not_found';
  constructor(orderId: string) {
    super(`order ${orderId} does not exist`, { orderId });
  }
}

export class OrderAlreadyPlaced extends DomainError {
  readonly code = 'order.already-placed';
  readonly kind = 'conflict';
  constructor(orderId: string) {
    super(`order ${orderId} is already placed`, { orderId });
  }
}

export class OrderCustomerUnknown extends DomainError {
  readonly code = 'order.customer-unknown';
  readonly kind = 'invalid';
  constructor(customerId: string) {
    super(`customer ${customerId} is not known to the order service`, { field: 'customerId', customerId });
  }
}

export class OrderCustomerNotWon extends DomainError {
  readonly code = 'order.customer-not-won';
  readonly kind = 'invalid';
  constructor(customerId: string) {
    super(`customer ${customerId} is a prospect: only a won customer can place orders`, {
      field: 'customerId',
      customerId,
    });
  }
}

/** The ERP accepted the order once under another number. */
export class OrderAlreadyAccepted extends DomainError {
  readonly code = 'order.already-accepted';
  readonly kind = 'conflict';
  constructor(orderId: string, erpOrderNumber: string, requestedErpOrderNumber: string) {
    super(
      `order ${orderId} is already accepted as ERP order ${erpOrderNumber}, not ${requestedErpOrderNumber}`,
      {
        orderId,
        erpOrderNumber,
        requestedErpOrderNumber,
      },
    );
  }
}

/** The order's status does not allow the requested one next. */
export class OrderTransitionRefused extends DomainError {
  readonly code = 'order.transition-refused';
  readonly kind = 'conflict';
  constructor(orderId: string, from: OrderStatus, to: OrderStatus) {
    super(`order ${orderId} cannot go from ${from} to ${to}`, { orderId, from, to });
  }
}

/** A command value is wrong; `field` is its path in the command (`lines[2].quantity`). */
export class InvalidOrderField extends DomainError {
  readonly code = 'order.invalid-field';
  readonly kind = 'invalid';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field} ${reason}`, { field, reason });
  }
}
