import { CRM_CUSTOMER_DETAILS_CHANGED, CRM_CUSTOMER_REGISTERED, CRM_CUSTOMER_WON } from '@switchboard/contracts';
import type { RecordedEvent } from '@switchboard/event-sourcing';
import { crmToContracts } from './crm.to-contracts';

const recorded = (type: string, data: object): RecordedEvent => ({
  id: 'e-1',
  type,
  data,
  metadata: {},
  streamName: 'customer-c-1',
  streamRevision: 0n,
  position: { commit: 1n, prepare: 1n },
  recordedAt: new Date('2025-04-01T08:00:00Z'),
});
const address = { street: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' };

describe('customer events → crm.customer.* contracts', () => {
  it('maps CustomerRegistered to crm.customer.registered with its schema, leaving unknown fields out', () => {
    const draft = crmToContracts(
      recorded('CustomerRegistered', {
        customerId: 'c-1',
        name: 'ACME',
        email: 'a@acme.example',
        country: 'DE',
        vatId: null,
        address: { ...address, internalNote: 'x' },
        registeredAt: '2025-04-01T08:00:00.000Z',
        internal: true,
      }),
    );

    expect(draft).toEqual({
      type: CRM_CUSTOMER_REGISTERED.type,
      dataschema: CRM_CUSTOMER_REGISTERED.dataschema,
      data: { customerId: 'c-1', name: 'ACME', email: 'a@acme.example', country: 'DE', vatId: null, address, registeredAt: '2025-04-01T08:00:00.000Z' },
    });
  });

  it('maps CustomerWon to crm.customer.won', () => {
    expect(crmToContracts(recorded('CustomerWon', { customerId: 'c-1', wonAt: '2025-04-02T08:00:00.000Z' }))).toEqual({
      type: CRM_CUSTOMER_WON.type,
      dataschema: CRM_CUSTOMER_WON.dataschema,
      data: { customerId: 'c-1', wonAt: '2025-04-02T08:00:00.000Z' },
    });
  });

  it('maps CustomerDetailsChanged to crm.customer.details-changed with only the changed fields, null meaning removed', () => {
    const draft = crmToContracts(
      recorded('CustomerDetailsChanged', { customerId: 'c-1', changes: { name: 'ACME Europe', vatId: null }, changedAt: '2025-04-03T08:00:00.000Z' }),
    );

    expect(draft).toMatchObject({
      type: CRM_CUSTOMER_DETAILS_CHANGED.type,
      data: { customerId: 'c-1', changes: { name: 'ACME Europe', vatId: null }, changedAt: '2025-04-03T08:00:00.000Z' },
    });
    expect(Object.keys((draft as { data: { changes: object } }).data.changes)).toEqual(['name', 'vatId']);
  });

  it.each(['ErpCustomerLinked', 'ClmCustomerLinked', 'SomethingPrivate'])('publishes nothing for %s', (type) => {
    expect(crmToContracts(recorded(type, { customerId: 'c-1' }))).toBeNull();
  });
});
