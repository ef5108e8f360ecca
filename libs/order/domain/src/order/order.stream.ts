/** The stream category of Order: `order-<id>`. */
export const ORDER_CATEGORY = 'order';

export function orderStream(orderId: string): string {
  return `${ORDER_CATEGORY}-${orderId}`;
}
