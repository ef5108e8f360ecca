import { erpCustomerSyncEventTypes, type ErpCustomerSyncEvent } from '@switchboard/erp-domain';
import type { RecordedEvent } from '@switchboard/event-sourcing';
import { defineProjection } from '@switchboard/projections';
import { CustomerSync } from './customer-sync.entity';

export const CUSTOMER_SYNC_PROJECTION = 'customer-sync';

/** The customer sync read model, fed from the adapter's own event store. */
export const customerSyncProjection = defineProjection<CustomerSync, RecordedEvent>({
  name: CUSTOMER_SYNC_PROJECTION,
  handles: Object.keys(erpCustomerSyncEventTypes),
  entity: CustomerSync,
  key: (event) => (event.data as { customerId: string }).customerId,
  evolve: (row, event) => evolveCustomerSync(row, event as RecordedEvent & ErpCustomerSyncEvent),
});

export function evolveCustomerSync(row: CustomerSync | null, event: ErpCustomerSyncEvent): CustomerSync | null {
  switch (event.type) {
    case 'ErpCustomerCreated':
      return Object.assign(new CustomerSync(), {
        customerId: event.data.customerId,
        status: 'synced',
        erpCustomerNumber: event.data.erpCustomerNumber,
        refusal: null,
        conditions: row?.conditions ?? null,
        updatedAt: new Date(event.data.createdAt),
      } satisfies CustomerSync);
    case 'ErpCustomerCreationRefused':
      return Object.assign(new CustomerSync(), {
        customerId: event.data.customerId,
        status: 'refused',
        erpCustomerNumber: null,
        refusal: { httpStatus: event.data.httpStatus, reason: event.data.reason },
        conditions: null,
        updatedAt: new Date(event.data.refusedAt),
      } satisfies CustomerSync);
    case 'ErpCustomerConditionsPushed':
      if (!row) return null;
      return Object.assign(new CustomerSync(), row, { conditions: { ...event.data.conditions }, updatedAt: new Date(event.data.pushedAt) });
    default: {
      const unexpected: never = event;
      throw new Error(`customer-sync does not handle ${(unexpected as { type: string }).type}`);
    }
  }
}
