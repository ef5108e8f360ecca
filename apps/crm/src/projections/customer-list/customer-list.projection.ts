import { type CustomerEvent } from '@switchboard/crm-domain';
import type { RecordedEvent } from '@switchboard/event-sourcing';
import { defineProjection } from '@switchboard/projections';
import { CustomerListItem } from './customer-list-item.entity';

export const CUSTOMER_LIST_PROJECTION = 'customer-list';

/** GET /customers' rows, from the Customer stream; the external-id links do not show in a list. */
export const customerListProjection = defineProjection<CustomerListItem, RecordedEvent>({
  name: CUSTOMER_LIST_PROJECTION,
  handles: ['CustomerRegistered', 'CustomerWon', 'CustomerDetailsChanged'] satisfies CustomerEvent['type'][],
  entity: CustomerListItem,
  key: (event) => (event.data as { customerId: string }).customerId,
  evolve: (row, event) => evolveCustomerListItem(row, event as RecordedEvent & CustomerEvent),
});

export function evolveCustomerListItem(row: CustomerListItem | null, event: CustomerEvent): CustomerListItem | null {
  switch (event.type) {
    case 'CustomerRegistered': {
      if (row) return row;
      const { customerId, name, email, country, registeredAt } = event.data;
      return item({ customerId, status: 'prospect', name, email, country, registeredAt: new Date(registeredAt) });
    }
    case 'CustomerWon':
      return row && item({ ...row, status: 'won' });
    case 'CustomerDetailsChanged': {
      const { name, email, country } = event.data.changes;
      return row && item({ ...row, ...(name === undefined ? {} : { name }), ...(email === undefined ? {} : { email }), ...(country === undefined ? {} : { country }) });
    }
    default:
      return row;
  }
}

function item(fields: Omit<CustomerListItem, 'searchText'>): CustomerListItem {
  return Object.assign(new CustomerListItem(), {
    customerId: fields.customerId,
    status: fields.status,
    name: fields.name,
    email: fields.email,
    country: fields.country,
    registeredAt: fields.registeredAt,
    searchText: `${fields.name}\n${fields.email}`.toLowerCase(),
  } satisfies CustomerListItem);
}
