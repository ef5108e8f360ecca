import { CRM_CUSTOMER_DETAILS_CHANGED, CRM_CUSTOMER_REGISTERED, CRM_CUSTOMER_WON, type IntegrationEvent } from '@switchboard/contracts';
import type { CustomerStanding } from './customer-standing.entity';
import { evolveCustomerStanding } from './customer-standing.projection';

const event = (type: string, data: object): IntegrationEvent => ({
  id: type,
  source: '/crm',
  type,
  subject: 'c-1',
  time: '2025-04-01T08:00:00.000Z',
  datacontenttype: 'application/json',
  correlationid: type,
  data: { customerId: 'c-1', ...data },
});
const registered = event(CRM_CUSTOMER_REGISTERED.type, { name: 'ACME' });
const won = event(CRM_CUSTOMER_WON.type, { wonAt: '2025-04-02T08:00:00.000Z' });
const renamed = event(CRM_CUSTOMER_DETAILS_CHANGED.type, { changes: { name: 'ACME Europe' } });

const given = (events: IntegrationEvent[]) => events.reduce<CustomerStanding | null>(evolveCustomerStanding, null);

describe('customer-standing projection', () => {
  it('knows a registered customer as a prospect', () => {
    expect(given([registered])).toMatchObject({ customerId: 'c-1', standing: 'prospect', name: 'ACME' });
  });

  it('knows a won customer as won', () => {
    expect(given([registered, won])).toMatchObject({ standing: 'won', name: 'ACME' });
  });

  it('keeps a customer won when the registration comes after the win', () => {
    expect(given([won, registered])).toMatchObject({ standing: 'won', name: 'ACME' });
  });

  it('follows a name change and leaves the standing alone', () => {
    expect(given([registered, won, renamed])).toMatchObject({ standing: 'won', name: 'ACME Europe' });
  });
});
