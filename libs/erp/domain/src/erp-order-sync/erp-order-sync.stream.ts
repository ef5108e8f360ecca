/** The stream category of ErpOrderSync: `erpOrderSync-<our order id>`. */
export const ERP_ORDER_SYNC_CATEGORY = 'erpOrderSync';

export function erpOrderSyncStream(orderId: string): string {
  return `${ERP_ORDER_SYNC_CATEGORY}-${orderId}`;
}
