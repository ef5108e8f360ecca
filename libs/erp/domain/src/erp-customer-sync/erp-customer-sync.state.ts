import type { ErpCustomerConditions } from './erp-customer-sync.events';

/** Where a CRM customer stands in the ERP. */
export type ErpCustomerSyncState =
  | Readonly<{ status: 'initial' }>
  | Readonly<{ status: 'refused'; customerId: string; httpStatus: number; reason: string }>
  | Readonly<{ status: 'synced'; customerId: string; erpCustomerNumber: string; conditions: ErpCustomerConditions | null }>;

export const initialErpCustomerSyncState = (): ErpCustomerSyncState => ({ status: 'initial' });
