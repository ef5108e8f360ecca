import { integrationEventSource, integrationEventType, parseIntegrationEventType } from './integration-event';

describe('integration event types', () => {
  it('builds switchboard.<subject>.v<N>', () => {
    expect(integrationEventType('crm.customer.won', 1)).toBe('switchboard.crm.customer.won.v1');
    expect(integrationEventType('contract.signed-copy.stored', 12)).toBe('switchboard.contract.signed-copy.stored.v12');
  });

  it('rejects a bad subject or version', () => {
    expect(() => integrationEventType('crm.CustomerWon', 1)).toThrow(/invalid subject name/);
    expect(() => integrationEventType('crm.customer.won', 0)).toThrow(/invalid version 0/);
    expect(() => integrationEventType('crm.customer.won', 1.5)).toThrow(/invalid version 1.5/);
  });

  it('parses a type back into subject and version', () => {
    expect(parseIntegrationEventType('switchboard.order.status-changed.v3')).toEqual({
      subject: 'order.status-changed',
      version: 3,
    });
  });

  it.each(['crm.customer.won.v1', 'switchboard.crm.customer.won', 'switchboard.crm.customer.won.v0', 'switchboard.crm.Won.v1'])(
    'refuses to parse %s',
    (type) => expect(() => parseIntegrationEventType(type)).toThrow(/invalid/),
  );

  it('names the source after the service', () => {
    expect(integrationEventSource('crm')).toBe('/crm');
  });
});
