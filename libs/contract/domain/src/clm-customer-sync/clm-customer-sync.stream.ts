/** The stream category of ClmCustomerSync: `clmCustomerSync-<CRM customer id>` (no `-` in the category, for `$ce-clmCustomerSync`). */
export const CLM_CUSTOMER_SYNC_CATEGORY = 'clmCustomerSync';

export function clmCustomerSyncStream(customerId: string): string {
  return `${CLM_CUSTOMER_SYNC_CATEGORY}-${customerId}`;
}
