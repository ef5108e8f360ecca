import type { CustomerEvent } from '@switchboard/crm-domain';
import type { CustomerView } from './customer-view.entity';
import { evolveCustomerView } from './customer-360.projection';

const registered: CustomerEvent = {
  type: 'CustomerRegistered',
  data: { customerId: 'c-1', name: 'ACME', email: 'a@acme.example', country: 'DE', vatId: 'DE1', address: null, registeredAt: '2025-04-01T08:00:00.000Z' },
};
const won: CustomerEvent = { type: 'CustomerWon', data: { customerId: 'c-1', wonAt: '2025-04-02T08:00:00.000Z' } };
const erpLinked: CustomerEvent = { type: 'ErpCustomerLinked', data: { customerId: 'c-1', erpCustomerNumber: 'ERP-7', linkedAt: '2025-04-02T09:00:00.000Z' } };
const clmLinked: CustomerEvent = { type: 'ClmCustomerLinked', data: { customerId: 'c-1', clmCustomerId: 'CLM-3', linkedAt: '2025-04-02T09:30:00.000Z' } };

const given = (events: CustomerEvent[]): CustomerView | null => events.reduce<CustomerView | null>(evolveCustomerView, null);

describe('customer-360 projection', () => {
  it('shows a registered customer as a prospect without external ids', () => {
    expect(given([registered])).toMatchObject({
      customerId: 'c-1',
      status: 'prospect',
      name: 'ACME',
      vatId: 'DE1',
      erpCustomerNumber: null,
      clmCustomerId: null,
      wonAt: null,
    });
  });

  it('shows a won customer with the ERP number and CLM id once they are linked', () => {
    expect(given([registered, won, erpLinked, clmLinked])).toMatchObject({
      status: 'won',
      wonAt: new Date('2025-04-02T08:00:00.000Z'),
      erpCustomerNumber: 'ERP-7',
      clmCustomerId: 'CLM-3',
      updatedAt: new Date('2025-04-02T09:30:00.000Z'),
    });
  });

  it('applies changed details and removes a VAT id set to null', () => {
    const changed: CustomerEvent = {
      type: 'CustomerDetailsChanged',
      data: {
        customerId: 'c-1',
        changes: { name: 'ACME Europe', vatId: null, address: { street: 'Ring 2', city: 'Wien', postalCode: '1010', country: 'AT' } },
        changedAt: '2025-04-03T08:00:00.000Z',
      },
    };

    expect(given([registered, changed])).toMatchObject({
      name: 'ACME Europe',
      email: 'a@acme.example',
      vatId: null,
      address: { city: 'Wien', country: 'AT' },
    });
  });

  it('ignores events of a customer it has no row for', () => {
    expect(given([won])).toBeNull();
  });
});
