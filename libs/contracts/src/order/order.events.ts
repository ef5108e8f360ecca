import { defineEventContract, jsonSchema as s } from '../event-contract';

/** Integration events of the order service's Order (stream `ORDER`). Amounts are decimal strings. */
export type OrderStatusV1 = 'placed' | 'accepted' | 'in_fulfilment' | 'shipped' | 'invoiced' | 'rejected' | 'cancelled';

export interface OrderLineV1 {
  readonly sku: string;
  readonly quantity: number;
  /** What the customer expects to pay per unit, when given; the ERP confirms the real price. */
  readonly unitPrice: string | null;
}

export interface ConfirmedOrderLineV1 {
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice: string;
}

export interface OrderPlacedV1 {
  readonly orderId: string;
  readonly customerId: string;
  /** ISO 4217. */
  readonly currency: string;
  readonly lines: readonly OrderLineV1[];
  readonly placedAt: string;
}

export interface OrderAcceptedV1 {
  readonly orderId: string;
  readonly customerId: string;
  readonly erpOrderNumber: string;
  readonly lines: readonly ConfirmedOrderLineV1[];
  readonly conditions: Readonly<Record<string, string>>;
  readonly acceptedAt: string;
}

export interface OrderRejectedV1 {
  readonly orderId: string;
  readonly customerId: string;
  readonly reason: string;
  readonly rejectedAt: string;
}

export interface OrderStatusChangedV1 {
  readonly orderId: string;
  readonly customerId: string;
  readonly from: 'accepted' | 'in_fulfilment' | 'shipped' | 'invoiced';
  readonly to: 'in_fulfilment' | 'shipped' | 'invoiced';
  readonly erpVersion: number;
  readonly changedAt: string;
}

export interface OrderCancelledV1 {
  readonly orderId: string;
  readonly customerId: string;
  readonly from: 'placed' | 'accepted' | 'in_fulfilment';
  readonly reason: string;
  readonly cancelledAt: string;
}

const line = s.object({ sku: s.string, quantity: s.positiveInteger, unitPrice: s.nullable(s.decimal) });
const confirmedLine = s.object({ sku: s.string, quantity: s.positiveInteger, unitPrice: s.decimal });

export const ORDER_PLACED = defineEventContract<OrderPlacedV1>(
  'order.placed',
  1,
  s.object({ orderId: s.string, customerId: s.string, currency: s.currency, lines: s.arrayOf(line, 1), placedAt: s.dateTime }),
);

export const ORDER_ACCEPTED = defineEventContract<OrderAcceptedV1>(
  'order.accepted',
  1,
  s.object({
    orderId: s.string,
    customerId: s.string,
    erpOrderNumber: s.string,
    lines: s.arrayOf(confirmedLine, 1),
    conditions: s.stringMap,
    acceptedAt: s.dateTime,
  }),
);

export const ORDER_REJECTED = defineEventContract<OrderRejectedV1>(
  'order.rejected',
  1,
  s.object({ orderId: s.string, customerId: s.string, reason: s.string, rejectedAt: s.dateTime }),
);

export const ORDER_STATUS_CHANGED = defineEventContract<OrderStatusChangedV1>(
  'order.status-changed',
  1,
  s.object({
    orderId: s.string,
    customerId: s.string,
    from: s.enumOf(['accepted', 'in_fulfilment', 'shipped', 'invoiced']),
    to: s.enumOf(['in_fulfilment', 'shipped', 'invoiced']),
    erpVersion: s.nonNegativeInteger,
    changedAt: s.dateTime,
  }),
);

export const ORDER_CANCELLED = defineEventContract<OrderCancelledV1>(
  'order.cancelled',
  1,
  s.object({
    orderId: s.string,
    customerId: s.string,
    from: s.enumOf(['placed', 'accepted', 'in_fulfilment']),
    reason: s.string,
    cancelledAt: s.dateTime,
  }),
);

export const ORDER_EVENTS = [ORDER_PLACED, ORDER_ACCEPTED, ORDER_REJECTED, ORDER_STATUS_CHANGED, ORDER_CANCELLED] as const;
