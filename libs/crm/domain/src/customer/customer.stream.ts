/** The stream category of Customer: `customer-<id>` (no `-` in the category, for `$ce-customer`). */
export const CUSTOMER_CATEGORY = 'customer';

export function customerStream(customerId: string): string {
  return `${CUSTOMER_CATEGORY}-${customerId}`;
}
