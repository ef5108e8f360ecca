import { customerEventTypes, type CustomerEvent } from '@switchboard/crm-domain';
import type { RecordedEvent } from '@switchboard/event-sourcing';
import { defineProjection } from '@switchboard/projections';
import { CustomerView } from './customer-view.entity';

export const CUSTOMER_360_PROJECTION = 'customer-360';

/** The customer's own facts in the 360 view: status and external ids, from the Customer stream. */
export const customer360Projection = defineProjection<CustomerView, RecordedEvent>({
  name: CUSTOMER_360_PROJECTION,
  handles: Object.keys(customerEventTypes),
  entity: CustomerView,
  key: (event) => (event.data as { customerId: string }).customerId,
  evolve: (row, event) => evolveCustomerView(row, event as RecordedEvent & CustomerEvent),
});

export function evolveCustomerView(row: CustomerView | null, event: CustomerEvent): CustomerView | null {
  if (event.type === 'CustomerRegistered') {
    if (row) return row;
    const { customerId, name, email, country, vatId, address, registeredAt } = event.data;
    return Object.assign(new CustomerView(), {
      customerId,
      status: 'prospect',
      name,
      email,
      country,
      vatId,
      address,
      erpCustomerNumber: null,
      clmCustomerId: null,
      registeredAt: new Date(registeredAt),
      wonAt: null,
      updatedAt: new Date(registeredAt),
    } satisfies CustomerView);
  }
  // The store keeps a customer's events in order after its registration: a missing row is a bug upstream.
  if (!row) return null;
  switch (event.type) {
    case 'CustomerWon':
      return changed(row, event.data.wonAt, { status: 'won', wonAt: new Date(event.data.wonAt) });
    case 'ErpCustomerLinked':
      return changed(row, event.data.linkedAt, { erpCustomerNumber: event.data.erpCustomerNumber });
    case 'ClmCustomerLinked':
      return changed(row, event.data.linkedAt, { clmCustomerId: event.data.clmCustomerId });
    case 'CustomerDetailsChanged':
      return changed(row, event.data.changedAt, { ...event.data.changes });
    default: {
      const unexpected: never = event;
      throw new Error(`customer-360 does not handle ${(unexpected as { type: string }).type}`);
    }
  }
}

function changed(row: CustomerView, at: string, changes: Partial<CustomerView>): CustomerView {
  return Object.assign(new CustomerView(), row, changes, { updatedAt: new Date(at) });
}
