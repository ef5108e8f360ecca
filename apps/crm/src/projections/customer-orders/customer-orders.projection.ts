import {
  ORDER_ACCEPTED,
  ORDER_CANCELLED,
  ORDER_PLACED,
  ORDER_REJECTED,
  ORDER_STATUS_CHANGED,
  type IntegrationEvent,
  type OrderAcceptedV1,
  type OrderCancelledV1,
  type OrderPlacedV1,
  type OrderRejectedV1,
  type OrderStatusChangedV1,
  type OrderStatusV1,
} from '@switchboard/contracts';
import { defineProjection } from '@switchboard/projections';
import { CustomerOrder } from './customer-order.entity';

export const CUSTOMER_ORDERS_PROJECTION = 'customer-orders';

/** What one order event says: the status it sets and when, plus the facts it carries. */
interface OrderFacts {
  readonly orderId: string;
  readonly customerId: string;
  readonly status: OrderStatusV1;
  readonly at: string;
  readonly currency?: string;
  readonly placedAt?: string;
  readonly erpOrderNumber?: string;
}

/**
 * Fallback order of statuses for events without a sequence: an order only moves forward
 * (placed → accepted → in_fulfilment → shipped → invoiced), and rejected/cancelled end it.
 */
const PROGRESS: Record<OrderStatusV1, number> = {
  placed: 0,
  accepted: 1,
  in_fulfilment: 2,
  shipped: 3,
  invoiced: 4,
  rejected: 5,
  cancelled: 5,
};

/**
 * The orders of the customer 360 view, fed from JetStream `order.*` (applyIntegrationEvent: inbox
 * row and this row in one transaction). Out-of-order safe: the status only moves to an event
 * newer than the one that set it (by `sequence`), while facts such as the currency or the ERP
 * number are kept from whichever event brought them, late or not.
 */
export const customerOrdersProjection = defineProjection<CustomerOrder, IntegrationEvent>({
  name: CUSTOMER_ORDERS_PROJECTION,
  handles: [ORDER_PLACED.type, ORDER_ACCEPTED.type, ORDER_REJECTED.type, ORDER_STATUS_CHANGED.type, ORDER_CANCELLED.type],
  entity: CustomerOrder,
  key: (event) => (event.data as { orderId: string }).orderId,
  evolve: (row, event) => evolveCustomerOrder(row, event),
});

export function evolveCustomerOrder(row: CustomerOrder | null, event: IntegrationEvent): CustomerOrder | null {
  const facts = factsOf(event);
  if (!facts) return row;
  const sequence = orderRevision(event.sequence);
  const newer = row === null || isNewer(facts.status, sequence, row);
  return Object.assign(new CustomerOrder(), {
    orderId: facts.orderId,
    customerId: facts.customerId,
    status: newer ? facts.status : row.status,
    statusAt: newer ? new Date(facts.at) : row.statusAt,
    statusSequence: newer ? sequence : row.statusSequence,
    currency: row?.currency ?? facts.currency ?? null,
    placedAt: row?.placedAt ?? (facts.placedAt === undefined ? null : new Date(facts.placedAt)),
    erpOrderNumber: row?.erpOrderNumber ?? facts.erpOrderNumber ?? null,
  } satisfies CustomerOrder);
}

/** The order's stream revision from the CloudEvents `sequence` the relay stamps; null when absent or not a revision. */
function orderRevision(sequence: string | undefined): string | null {
  return sequence !== undefined && /^\d{1,20}$/.test(sequence) ? BigInt(sequence).toString() : null;
}

function isNewer(status: OrderStatusV1, sequence: string | null, row: CustomerOrder): boolean {
  if (sequence !== null && row.statusSequence !== null) return BigInt(sequence) > BigInt(row.statusSequence);
  return PROGRESS[status] > PROGRESS[row.status];
}

function factsOf(event: IntegrationEvent): OrderFacts | null {
  switch (event.type) {
    case ORDER_PLACED.type: {
      const { orderId, customerId, currency, placedAt } = event.data as OrderPlacedV1;
      return { orderId, customerId, status: 'placed', at: placedAt, currency, placedAt };
    }
    case ORDER_ACCEPTED.type: {
      const { orderId, customerId, erpOrderNumber, acceptedAt } = event.data as OrderAcceptedV1;
      return { orderId, customerId, status: 'accepted', at: acceptedAt, erpOrderNumber };
    }
    case ORDER_REJECTED.type: {
      const { orderId, customerId, rejectedAt } = event.data as OrderRejectedV1;
      return { orderId, customerId, status: 'rejected', at: rejectedAt };
    }
    case ORDER_STATUS_CHANGED.type: {
      const { orderId, customerId, to, changedAt } = event.data as OrderStatusChangedV1;
      return { orderId, customerId, status: to, at: changedAt };
    }
    case ORDER_CANCELLED.type: {
      const { orderId, customerId, cancelledAt } = event.data as OrderCancelledV1;
      return { orderId, customerId, status: 'cancelled', at: cancelledAt };
    }
    default:
      return null;
  }
}
