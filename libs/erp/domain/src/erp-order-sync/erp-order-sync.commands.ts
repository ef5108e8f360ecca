import type { Command } from '@switchboard/decider';
import type { ErpChangeOrigin, ErpConfirmedLine, ErpOrderStatus } from './erp-order-sync.events';

/** The ERP accepted `POST /sales-orders` (201). */
export type RecordErpOrderAccepted = Command<
  'RecordErpOrderAccepted',
  Readonly<{
    orderId: string;
    customerId: string;
    erpCustomerNumber: string;
    erpOrderNumber: string;
    lines: readonly ErpConfirmedLine[];
    conditions: Readonly<Record<string, string>>;
    erpVersion: number;
    acceptedAt: Date;
  }>
>;

/** The ERP rejected `POST /sales-orders` (422 with a reason). */
export type RecordErpOrderRejected = Command<
  'RecordErpOrderRejected',
  Readonly<{ orderId: string; customerId: string; erpCustomerNumber: string; reason: string; rejectedAt: Date }>
>;

/** A change from the ERP's webhook or changes feed. */
export type ApplyErpOrderChange = Command<
  'ApplyErpOrderChange',
  Readonly<{
    orderId: string;
    erpOrderNumber: string;
    status: ErpOrderStatus;
    erpVersion: number;
    changeId: string;
    origin: ErpChangeOrigin;
    changedAt: Date;
  }>
>;

export type ErpOrderSyncCommand = RecordErpOrderAccepted | RecordErpOrderRejected | ApplyErpOrderChange;
