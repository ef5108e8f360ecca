import type { Event } from '@switchboard/decider';

/**
 * A money amount in the order's currency as a decimal string (`"12.50"`): never a float, so no
 * rounding happens between the REST edge, the events and the ERP. Non-negative, plain digits,
 * up to 4 decimals (enough for every ISO 4217 currency's minor unit and for unit prices below it).
 */
export type DecimalAmount = string;

export type OrderLine = Readonly<{
  sku: string;
  quantity: number;
  /** The price the customer expects per unit, when known; the ERP confirms the real one. */
  unitPrice: DecimalAmount | null;
}>;

export type ConfirmedLine = Readonly<{ sku: string; quantity: number; unitPrice: DecimalAmount }>;

/** The ERP's conditions as it reports them (payment terms, incoterms, delivery date…), name → value. */
export type OrderConditions = Readonly<Record<string, string>>;

/** The statuses the ERP moves an accepted order through, in this order; an order only moves forward. */
export const FULFILMENT_STATUSES = ['accepted', 'in_fulfilment', 'shipped', 'invoiced'] as const;
export type FulfilmentStatus = (typeof FULFILMENT_STATUSES)[number];

export type OrderStatus = 'placed' | FulfilmentStatus | 'rejected' | 'cancelled';

/** Every event names the customer, so consumers (the CRM's customer view) need no lookup. Times are ISO-8601 strings. */
export type OrderPlaced = Event<
  'OrderPlaced',
  Readonly<{
    orderId: string;
    customerId: string;
    currency: string;
    lines: readonly OrderLine[];
    placedAt: string;
  }>
>;

export type OrderAccepted = Event<
  'OrderAccepted',
  Readonly<{
    orderId: string;
    customerId: string;
    erpOrderNumber: string;
    lines: readonly ConfirmedLine[];
    conditions: OrderConditions;
    acceptedAt: string;
  }>
>;

export type OrderRejected = Event<
  'OrderRejected',
  Readonly<{ orderId: string; customerId: string; reason: string; rejectedAt: string }>
>;

export type OrderStatusChanged = Event<
  'OrderStatusChanged',
  Readonly<{
    orderId: string;
    customerId: string;
    from: FulfilmentStatus;
    to: Exclude<FulfilmentStatus, 'accepted'>;
    /** The version of the ERP's order record this change came with. */
    erpVersion: number;
    changedAt: string;
  }>
>;

export type OrderCancelled = Event<
  'OrderCancelled',
  Readonly<{
    orderId: string;
    customerId: string;
    from: 'placed' | 'accepted' | 'in_fulfilment';
    reason: string;
    cancelledAt: string;
  }>
>;

export type OrderEvent = OrderPlaced | OrderAccepted | OrderRejected | OrderStatusChanged | OrderCancelled;

/**
 * The persisted event type names of the Order stream with their current schema versions: the
 * app builds its EventTypeRegistry from it (`registry.register(type, definition)` for each
 * entry). `satisfies` makes a new event type without an entry a compile error.
 */
export const orderEventTypes = {
  OrderPlaced: { schemaVersion: 1 },
  OrderAccepted: { schemaVersion: 1 },
  OrderRejected: { schemaVersion: 1 },
  OrderStatusChanged: { schemaVersion: 1 },
  OrderCancelled: { schemaVersion: 1 },
} as const satisfies Record<OrderEvent['type'], { readonly schemaVersion: number }>;
