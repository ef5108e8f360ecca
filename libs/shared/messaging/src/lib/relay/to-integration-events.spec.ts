import type { RecordedEvent } from '@switchboard/event-sourcing';
import { toIntegrationEvents } from './to-integration-events';

const recorded: RecordedEvent = {
  id: '5b0b7c52-0f0a-4b0e-9c6a-1d1f1a3f0001',
  type: 'CustomerWon',
  data: { name: 'ACME' },
  metadata: { correlationId: 'corr-1', causationId: 'cmd-1', traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', origin: 'erp' },
  streamName: 'customer-42',
  streamRevision: 3n,
  position: { commit: 10n, prepare: 11n },
  recordedAt: new Date('2026-01-02T03:04:05.000Z'),
};

describe('toIntegrationEvents', () => {
  it('completes a draft from the domain event: id, source, subject, time, trace context, origin and stream revision', () => {
    const [event] = toIntegrationEvents(recorded, () => ({ type: 'switchboard.crm.customer.won.v1', data: { name: 'ACME' } }), 'crm');

    expect(event).toEqual({
      id: recorded.id,
      source: '/crm',
      type: 'switchboard.crm.customer.won.v1',
      subject: '42',
      time: '2026-01-02T03:04:05.000Z',
      datacontenttype: 'application/json',
      correlationid: 'corr-1',
      causationid: 'cmd-1',
      traceparent: recorded.metadata.traceparent,
      origin: 'erp',
      sequence: '00000000000000000003',
      data: { name: 'ACME' },
    });
  });

  it('starts a correlation chain at the event when its metadata has none', () => {
    const [event] = toIntegrationEvents({ ...recorded, metadata: {} }, () => ({ type: 'switchboard.crm.customer.won.v1', data: {} }), 'crm');

    expect(event.correlationid).toBe(recorded.id);
    expect(event).not.toHaveProperty('causationid');
    expect(event).not.toHaveProperty('traceparent');
  });

  it("defaults the origin to the service's own system: a chain starts here", () => {
    const won = () => ({ type: 'switchboard.crm.customer.won.v1', data: {} });

    expect(toIntegrationEvents({ ...recorded, metadata: {} }, won, 'crm')[0].origin).toBe('crm');
    expect(toIntegrationEvents({ ...recorded, metadata: {} }, won, 'contract-adapter')[0].origin).toBe('clm');
    expect(toIntegrationEvents({ ...recorded, metadata: { origin: 'nowhere' } }, won, 'erp-adapter')[0].origin).toBe('erp');
    expect(toIntegrationEvents({ ...recorded, metadata: {} }, won, 'test-service')[0]).not.toHaveProperty('origin');
  });

  it('keeps what the mapper set and derives stable distinct ids for several events', () => {
    const map = () => [
      { type: 'switchboard.crm.customer.won.v1', data: 1, subject: 'c-42', correlationid: 'mine' },
      { type: 'switchboard.crm.customer.linked.v1', data: 2 },
    ];

    const events = toIntegrationEvents(recorded, map, 'crm');

    expect(events.map((e) => e.id)).toEqual([`${recorded.id}:0`, `${recorded.id}:1`]);
    expect(events[0]).toMatchObject({ subject: 'c-42', correlationid: 'mine' });
    expect(toIntegrationEvents(recorded, map, 'crm')).toEqual(events);
  });

  it('publishes nothing for a private event', () => {
    expect(toIntegrationEvents(recorded, () => null, 'crm')).toEqual([]);
  });
});
