import type { Command } from '@switchboard/decider';
import type { ConfirmedLine, DecimalAmount, FulfilmentStatus, OrderConditions } from './order.events';

/** What the order service's customer projection knows of the customer (`unknown`: never heard of). */
export type CustomerStanding = 'unknown' | 'prospect' | 'won';

export type PlaceOrder = Command<
  'PlaceOrder',
  Readonly<{
    orderId: string;
    customerId: string;
    /** Looked up by the app in its projection of `crm.customer.*`; the decider owns the rule that only a won customer orders. */
    customerStanding: CustomerStanding;
    /** ISO 4217, e.g. `EUR`. */
    currency: string;
    lines: readonly Readonly<{ sku: string; quantity: number; unitPrice?: DecimalAmount }>[];
    placedAt: Date;
  }>
>;

/** From `erp.order.accepted`. */
export type AcceptOrderByErp = Command<
  'AcceptOrderByErp',
  Readonly<{
    orderId: string;
    erpOrderNumber: string;
    lines: readonly ConfirmedLine[];
    conditions: OrderConditions;
    acceptedAt: Date;
  }>
>;

/** From `erp.order.rejected`. */
export type RejectOrderByErp = Command<
  'RejectOrderByErp',
  Readonly<{ orderId: string; reason: string; rejectedAt: Date }>
>;

/** From `erp.order.updated`: the ERP's status at version `erpVersion` of its order record. */
export type ChangeOrderStatus = Command<
  'ChangeOrderStatus',
  Readonly<{ orderId: string; status: FulfilmentStatus; erpVersion: number; changedAt: Date }>
>;

export type CancelOrder = Command<
  'CancelOrder',
  Readonly<{ orderId: string; reason: string; cancelledAt: Date }>
>;

export type OrderCommand = PlaceOrder | AcceptOrderByErp | RejectOrderByErp | ChangeOrderStatus | CancelOrder;
