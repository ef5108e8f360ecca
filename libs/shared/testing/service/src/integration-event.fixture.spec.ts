import { CRM_CUSTOMER_WON } from '@switchboard/contracts';
import { decodeIntegrationEvent, encodeIntegrationEvent } from '@switchboard/messaging';
import { integrationEvent } from './integration-event.fixture';

describe('integrationEvent fixture', () => {
  const data = { customerId: 'c-1', wonAt: '2025-04-01T08:00:00.000Z' };

  it('builds an event the CloudEvents codec accepts, from the producing context, correlated to itself', () => {
    const event = integrationEvent(CRM_CUSTOMER_WON, 'c-1', data);

    expect(decodeIntegrationEvent(encodeIntegrationEvent(event).data)).toEqual(event);
    expect(event).toMatchObject({ source: '/crm', type: CRM_CUSTOMER_WON.type, subject: 'c-1', correlationid: event.id, data });
    expect(event).not.toHaveProperty('sequence');
  });

  it('stamps the sequence as the relay does: the stream revision in 20 digits', () => {
    expect(integrationEvent(CRM_CUSTOMER_WON, 'c-1', data, { id: 'e-1', sequence: 3 })).toMatchObject({ id: 'e-1', sequence: '00000000000000000003' });
  });

  it('names the producing service as the source when it is given', () => {
    expect(integrationEvent(CRM_CUSTOMER_WON, 'c-1', data, { producer: 'crm-importer' })).toMatchObject({ source: '/crm-importer' });
  });
});
