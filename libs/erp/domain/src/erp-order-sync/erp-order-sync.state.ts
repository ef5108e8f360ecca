import type { ErpOrderStatus } from './erp-order-sync.events';

/** Where one of our orders stands in the ERP. */
export type ErpOrderSyncState =
  | Readonly<{ status: 'initial' }>
  | Readonly<{ status: 'rejected'; orderId: string; reason: string }>
  | Readonly<{
      status: 'accepted';
      orderId: string;
      erpOrderNumber: string;
      erpStatus: ErpOrderStatus;
      /** The highest ERP record version applied: changes at or below it are stale or repeated. */
      erpVersion: number;
    }>;

export const initialErpOrderSyncState = (): ErpOrderSyncState => ({ status: 'initial' });
