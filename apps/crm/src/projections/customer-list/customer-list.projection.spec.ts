import type { CustomerEvent } from '@switchboard/crm-domain';
import type { CustomerListItem } from './customer-list-item.entity';
import { evolveCustomerListItem } from './customer-list.projection';

const registered: CustomerEvent = {
  type: 'CustomerRegistered',
  data: { customerId: 'c-1', name: 'ACME GmbH', email: 'Buyer@ACME.example', country: 'DE', vatId: null, address: null, registeredAt: '2025-04-01T08:00:00.000Z' },
};

const given = (events: CustomerEvent[]): CustomerListItem | null => events.reduce<CustomerListItem | null>(evolveCustomerListItem, null);

describe('customer-list projection', () => {
  it('lists a registered customer as a prospect, searchable by lower-cased name and e-mail', () => {
    expect(given([registered])).toEqual({
      customerId: 'c-1',
      status: 'prospect',
      name: 'ACME GmbH',
      email: 'Buyer@ACME.example',
      country: 'DE',
      registeredAt: new Date('2025-04-01T08:00:00.000Z'),
      searchText: 'acme gmbh\nbuyer@acme.example',
    });
  });

  it('shows a won customer as won', () => {
    expect(given([registered, { type: 'CustomerWon', data: { customerId: 'c-1', wonAt: '2025-04-02T08:00:00.000Z' } }])).toMatchObject({ status: 'won' });
  });

  it('follows a new name into the search text', () => {
    const renamed: CustomerEvent = { type: 'CustomerDetailsChanged', data: { customerId: 'c-1', changes: { name: 'Globex' }, changedAt: '2025-04-03T08:00:00.000Z' } };

    expect(given([registered, renamed])).toMatchObject({ name: 'Globex', searchText: 'globex\nbuyer@acme.example' });
  });

  it('leaves the list alone when an external id is linked', () => {
    const row = given([registered]);
    const linked: CustomerEvent = { type: 'ErpCustomerLinked', data: { customerId: 'c-1', erpCustomerNumber: 'E-1', linkedAt: '2025-04-02T08:00:00.000Z' } };

    expect(evolveCustomerListItem(row, linked)).toBe(row);
  });
});
