import { erpOrderSyncEventTypes, type ErpOrderSyncEvent } from '@switchboard/erp-domain';
import type { RecordedEvent } from '@switchboard/event-sourcing';
import { defineProjection } from '@switchboard/projections';
import { OrderSync } from './order-sync.entity';

export const ORDER_SYNC_PROJECTION = 'order-sync';

/** The order sync read model, fed from the adapter's own event store. */
export const orderSyncProjection = defineProjection<OrderSync, RecordedEvent>({
  name: ORDER_SYNC_PROJECTION,
  handles: Object.keys(erpOrderSyncEventTypes),
  entity: OrderSync,
  key: (event) => (event.data as { orderId: string }).orderId,
  evolve: (row, event) => evolveOrderSync(row, event as RecordedEvent & ErpOrderSyncEvent),
});

export function evolveOrderSync(row: OrderSync | null, event: ErpOrderSyncEvent): OrderSync | null {
  switch (event.type) {
    case 'ErpOrderAccepted': {
      const { orderId, customerId, erpCustomerNumber, erpOrderNumber, erpVersion, lines, conditions, acceptedAt } = event.data;
      return Object.assign(new OrderSync(), {
        orderId,
        customerId,
        erpCustomerNumber,
        status: 'accepted',
        erpOrderNumber,
        erpVersion,
        confirmedLines: [...lines],
        conditions: { ...conditions },
        rejectionReason: null,
        changes: [],
        updatedAt: new Date(acceptedAt),
      } satisfies OrderSync);
    }
    case 'ErpOrderRejected': {
      const { orderId, customerId, erpCustomerNumber, reason, rejectedAt } = event.data;
      return Object.assign(new OrderSync(), {
        orderId,
        customerId,
        erpCustomerNumber,
        status: 'rejected',
        erpOrderNumber: null,
        erpVersion: null,
        confirmedLines: null,
        conditions: null,
        rejectionReason: reason,
        changes: [],
        updatedAt: new Date(rejectedAt),
      } satisfies OrderSync);
    }
    case 'ErpOrderChanged': {
      if (!row) return null;
      const { status, erpVersion, changeId, origin, changedAt } = event.data;
      return Object.assign(new OrderSync(), row, {
        status,
        erpVersion,
        changes: [...row.changes, { status, erpVersion, changeId, origin, at: changedAt }],
        updatedAt: new Date(changedAt),
      });
    }
    default: {
      const unexpected: never = event;
      throw new Error(`order-sync does not handle ${(unexpected as { type: string }).type}`);
    }
  }
}
