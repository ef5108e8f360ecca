/** A sales order's life in the ERP, in order; it only moves forward. */
export const SALES_ORDER_STATUSES = ['accepted', 'in_fulfilment', 'shipped', 'invoiced'] as const;
export type SalesOrderStatus = (typeof SALES_ORDER_STATUSES)[number];

/**
 * The status an order moves to: the requested one if it lies ahead, else the next one.
 * Undefined when it cannot move (already invoiced, or the request points backwards or stays put).
 */
export function advanceTo(current: SalesOrderStatus, requested?: SalesOrderStatus): SalesOrderStatus | undefined {
  const from = SALES_ORDER_STATUSES.indexOf(current);
  const to = requested === undefined ? from + 1 : SALES_ORDER_STATUSES.indexOf(requested);
  return to > from && to < SALES_ORDER_STATUSES.length ? SALES_ORDER_STATUSES[to] : undefined;
}
