/** The stream category of ErpCustomerSync: `erpCustomerSync-<CRM customer id>`. */
export const ERP_CUSTOMER_SYNC_CATEGORY = 'erpCustomerSync';

export function erpCustomerSyncStream(customerId: string): string {
  return `${ERP_CUSTOMER_SYNC_CATEGORY}-${customerId}`;
}
