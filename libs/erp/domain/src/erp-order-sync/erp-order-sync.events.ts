import type { Event } from '@switchboard/decider';

/** The statuses of an accepted order in the ERP, in order; an order only moves forward. */
export const ERP_ORDER_STATUSES = ['accepted', 'in_fulfilment', 'shipped', 'invoiced'] as const;
export type ErpOrderStatus = (typeof ERP_ORDER_STATUSES)[number];

export type ErpConfirmedLine = Readonly<{ sku: string; quantity: number; unitPrice: string }>;

/** How a change of the ERP reached us: its webhook or the poller of its changes feed. */
export type ErpChangeOrigin = 'webhook' | 'polling';

/** Times are ISO-8601 strings. `erpVersion` is the version of the ERP's order record. */
export type ErpOrderAccepted = Event<
  'ErpOrderAccepted',
  Readonly<{
    orderId: string;
    customerId: string;
    erpCustomerNumber: string;
    erpOrderNumber: string;
    lines: readonly ErpConfirmedLine[];
    conditions: Readonly<Record<string, string>>;
    erpVersion: number;
    acceptedAt: string;
  }>
>;

export type ErpOrderRejected = Event<
  'ErpOrderRejected',
  Readonly<{ orderId: string; customerId: string; erpCustomerNumber: string; reason: string; rejectedAt: string }>
>;

/** A change the ERP made to the order; `origin` records that it came from the ERP (never sent back to it). */
export type ErpOrderChanged = Event<
  'ErpOrderChanged',
  Readonly<{
    orderId: string;
    erpOrderNumber: string;
    status: ErpOrderStatus;
    erpVersion: number;
    /** The ERP's change id (its changes feed cursor and webhook-id). */
    changeId: string;
    origin: ErpChangeOrigin;
    changedAt: string;
  }>
>;

export type ErpOrderSyncEvent = ErpOrderAccepted | ErpOrderRejected | ErpOrderChanged;

export const erpOrderSyncEventTypes = {
  ErpOrderAccepted: { schemaVersion: 1 },
  ErpOrderRejected: { schemaVersion: 1 },
  ErpOrderChanged: { schemaVersion: 1 },
} as const satisfies Record<ErpOrderSyncEvent['type'], { readonly schemaVersion: number }>;
