import { defineEventContract, jsonSchema as s } from '../event-contract';

/**
 * What the ERP adapter reports about an order it submitted to the ERP (stream `ERP`).
 * `erpVersion` is the version of the ERP's order record: it only grows, so a consumer applies an
 * update only when its version is above the last one it applied.
 */
export interface ErpOrderAcceptedV1 {
  /** Our order id (the ERP's external reference). */
  readonly orderId: string;
  readonly erpOrderNumber: string;
  /** The lines the ERP confirmed, with its prices (decimal strings). */
  readonly lines: readonly { readonly sku: string; readonly quantity: number; readonly unitPrice: string }[];
  /** Payment terms, incoterms, delivery date…: name → value. */
  readonly conditions: Readonly<Record<string, string>>;
  readonly erpVersion: number;
  readonly acceptedAt: string;
}

export interface ErpOrderRejectedV1 {
  readonly orderId: string;
  readonly reason: string;
  readonly rejectedAt: string;
}

export type ErpOrderStatusV1 = 'accepted' | 'in_fulfilment' | 'shipped' | 'invoiced';

export interface ErpOrderUpdatedV1 {
  readonly orderId: string;
  readonly erpOrderNumber: string;
  readonly status: ErpOrderStatusV1;
  readonly erpVersion: number;
  readonly changedAt: string;
}

export const ERP_ORDER_STATUSES: readonly ErpOrderStatusV1[] = ['accepted', 'in_fulfilment', 'shipped', 'invoiced'];

export const ERP_ORDER_ACCEPTED = defineEventContract<ErpOrderAcceptedV1>(
  'erp.order.accepted',
  1,
  s.object({
    orderId: s.string,
    erpOrderNumber: s.string,
    lines: s.arrayOf(s.object({ sku: s.string, quantity: s.positiveInteger, unitPrice: s.decimal }), 1),
    conditions: s.stringMap,
    erpVersion: s.nonNegativeInteger,
    acceptedAt: s.dateTime,
  }),
);

export const ERP_ORDER_REJECTED = defineEventContract<ErpOrderRejectedV1>(
  'erp.order.rejected',
  1,
  s.object({ orderId: s.string, reason: s.string, rejectedAt: s.dateTime }),
);

export const ERP_ORDER_UPDATED = defineEventContract<ErpOrderUpdatedV1>(
  'erp.order.updated',
  1,
  s.object({
    orderId: s.string,
    erpOrderNumber: s.string,
    status: s.enumOf(ERP_ORDER_STATUSES),
    erpVersion: s.nonNegativeInteger,
    changedAt: s.dateTime,
  }),
);

export const ERP_ORDER_EVENTS = [ERP_ORDER_ACCEPTED, ERP_ORDER_REJECTED, ERP_ORDER_UPDATED] as const;
