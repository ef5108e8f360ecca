import { ERP_ORDER_STATUSES, type ErpOrderStatus } from '@switchboard/erp-domain';

/**
 * One change of an ERP sales order, as the ERP's changes feed lists it and as the data of its
 * `sales-order.updated` webhook: a poller and the webhook receiver see the same thing.
 */
export interface ErpSalesOrderChange {
  /** Grows with every change, never reused; the webhook-id of its webhook. */
  readonly changeId: number;
  readonly orderNumber: string;
  /** Our order id. */
  readonly externalRef: string;
  readonly customerNumber: string;
  readonly status: ErpOrderStatus;
  readonly version: number;
  readonly changedAt: string;
}

/** The ERP's webhook type for a change of a sales order after its placing. */
export const SALES_ORDER_UPDATED = 'sales-order.updated';
/**
 * The ERP's webhook type for a sales order's placing. The adapter ignores it: it records the
 * acceptance from the placing call's own answer (a lost answer is recovered by retrying with the
 * same Idempotency-Key), and the webhook usually overtakes that answer, so applying it would only
 * be refused and retried.
 */
export const SALES_ORDER_CREATED = 'sales-order.created';

/** Why a value is not an ErpSalesOrderChange, or undefined when it is one. */
export function erpSalesOrderChangeProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'data must be an object';
  const change = value as Record<string, unknown>;
  if (!Number.isInteger(change['changeId'])) return 'data.changeId must be an integer';
  for (const field of ['orderNumber', 'externalRef', 'customerNumber', 'changedAt']) {
    if (typeof change[field] !== 'string' || (change[field] as string).length === 0) return `data.${field} must be a non-empty string`;
  }
  if (!(ERP_ORDER_STATUSES as readonly unknown[]).includes(change['status'])) return `data.status must be one of ${ERP_ORDER_STATUSES.join(', ')}`;
  if (!Number.isInteger(change['version'])) return 'data.version must be an integer';
  if (Number.isNaN(Date.parse(change['changedAt'] as string))) return 'data.changedAt must be a date-time';
  return undefined;
}
