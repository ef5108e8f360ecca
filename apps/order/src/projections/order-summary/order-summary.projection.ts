import type { RecordedEvent } from '@switchboard/event-sourcing';
import type { OrderEvent } from '@switchboard/order-domain';
import { orderEventTypes } from '@switchboard/order-domain';
import { defineProjection } from '@switchboard/projections';
import { OrderSummary } from './order-summary.entity';

export const ORDER_SUMMARY_PROJECTION = 'order-summary';

type OrderRecordedEvent = RecordedEvent & OrderEvent;

/** The order read model, fed from the service's own event store. */
export const orderSummaryProjection = defineProjection<OrderSummary, RecordedEvent>({
  name: ORDER_SUMMARY_PROJECTION,
  handles: Object.keys(orderEventTypes),
  entity: OrderSummary,
  key: (event) => (event.data as { orderId: string }).orderId,
  evolve: (row, event) => evolveOrderSummary(row, event as OrderRecordedEvent),
});

export function evolveOrderSummary(row: OrderSummary | null, event: OrderEvent): OrderSummary | null {
  if (event.type === 'OrderPlaced') {
    if (row) return row;
    const { orderId, customerId, currency, lines, placedAt } = event.data;
    return Object.assign(new OrderSummary(), {
      orderId,
      customerId,
      currency,
      lines: [...lines],
      status: 'placed',
      erpOrderNumber: null,
      confirmedLines: null,
      conditions: null,
      erpVersion: null,
      statusHistory: [{ status: 'placed', at: placedAt }],
      statusReason: null,
      placedAt: new Date(placedAt),
      updatedAt: new Date(placedAt),
    } satisfies OrderSummary);
  }
  // The store keeps an order's events in order after its OrderPlaced: a missing row is a bug upstream.
  if (!row) return null;
  switch (event.type) {
    case 'OrderAccepted': {
      const { erpOrderNumber, lines, conditions, acceptedAt } = event.data;
      return moved(row, 'accepted', acceptedAt, { erpOrderNumber, confirmedLines: [...lines], conditions: { ...conditions } });
    }
    case 'OrderRejected':
      return moved(row, 'rejected', event.data.rejectedAt, { statusReason: event.data.reason });
    case 'OrderStatusChanged':
      return moved(row, event.data.to, event.data.changedAt, { erpVersion: event.data.erpVersion });
    case 'OrderCancelled':
      return moved(row, 'cancelled', event.data.cancelledAt, { statusReason: event.data.reason });
    default: {
      const unexpected: never = event;
      throw new Error(`order-summary does not handle ${(unexpected as { type: string }).type}`);
    }
  }
}

function moved(row: OrderSummary, status: OrderSummary['status'], at: string, changes: Partial<OrderSummary>): OrderSummary {
  return Object.assign(new OrderSummary(), row, changes, {
    status,
    statusHistory: [...row.statusHistory, { status, at }],
    updatedAt: new Date(at),
  });
}
