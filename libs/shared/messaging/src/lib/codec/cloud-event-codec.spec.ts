import { isEchoTo, type IntegrationEvent } from '@switchboard/contracts';
import { decodeIntegrationEvent, encodeIntegrationEvent, InvalidIntegrationEventError } from './cloud-event-codec';

const customerWon: IntegrationEvent<{ customerId: string; name: string }> = {
  id: '0f6f2a52-6a0e-4c2b-9a0e-0d4f3c1b2a11',
  source: '/crm',
  type: 'switchboard.crm.customer.won.v1',
  subject: 'customer-42',
  time: '2026-11-25T10:00:00.000Z',
  datacontenttype: 'application/json',
  dataschema: 'https://switchboard.example/schemas/crm.customer.won.v1.json',
  correlationid: 'c-1',
  causationid: 'cmd-1',
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  origin: 'crm',
  data: { customerId: 'customer-42', name: 'ACME' },
};

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('CloudEvents codec', () => {
  it('encodes a structured JSON CloudEvent on the subject named by its type, with id headers', () => {
    const encoded = encodeIntegrationEvent(customerWon);
    expect(encoded.subject).toBe('crm.customer.won');
    expect(encoded.msgID).toBe(customerWon.id);
    expect(encoded.headers.get('Nats-Msg-Id')).toBe(customerWon.id);
    expect(encoded.headers.get('ce-type')).toBe('switchboard.crm.customer.won.v1');
    expect(encoded.headers.get('ce-id')).toBe(customerWon.id);
    expect(encoded.headers.get('Content-Type')).toBe('application/cloudevents+json');
    expect(JSON.parse(new TextDecoder().decode(encoded.data))).toEqual({ specversion: '1.0', ...customerWon });
  });

  it('decodes what it encoded back into the same event', () => {
    expect(decodeIntegrationEvent(encodeIntegrationEvent(customerWon).data)).toEqual(customerWon);
  });

  it('carries the sequence extension the relay stamps through decode', () => {
    const relayed = { ...customerWon, sequence: '00000000000000000007' };
    expect(decodeIntegrationEvent(encodeIntegrationEvent(relayed).data).sequence).toBe('00000000000000000007');
  });

  it('carries the origin extension through encode and decode', () => {
    const fromErp = { ...customerWon, origin: 'erp' as const };
    expect(JSON.parse(new TextDecoder().decode(encodeIntegrationEvent(fromErp).data)).origin).toBe('erp');
    expect(decodeIntegrationEvent(encodeIntegrationEvent(fromErp).data).origin).toBe('erp');
  });

  it('keeps optional attributes optional, origin included (events from before it existed)', () => {
    const { causationid: _c, traceparent: _t, dataschema: _d, origin: _o, ...minimal } = customerWon;
    const decoded = decodeIntegrationEvent(encodeIntegrationEvent(minimal).data);
    expect(decoded).toEqual(minimal);
    expect(Object.keys(decoded)).not.toContain('causationid');
    expect(Object.keys(decoded)).not.toContain('sequence');
    expect(Object.keys(decoded)).not.toContain('origin');
  });

  it.each([
    ['a time that is not RFC 3339', { time: 'yesterday' }, /not a valid CloudEvent/],
    ['a missing id', { id: '' }, /lacks id/],
    ['a missing correlation id', { correlationid: undefined }, /lacks correlationid/],
    ['a type outside switchboard.<subject>.v<N>', { type: 'crm.customer.won' }, /invalid integration event type/],
    ['a source that is not /<service>', { source: 'crm' }, /source must be/],
    ['a non-JSON content type', { datacontenttype: 'text/plain' }, /datacontenttype must be application\/json/],
    ['an origin that is no known system', { origin: 'sap' }, /origin must be one of crm, order, erp, clm, got sap/],
  ])('refuses to encode an event with %s', (_what, change, message) => {
    const broken = { ...customerWon, ...change } as unknown as IntegrationEvent;
    expect(() => encodeIntegrationEvent(broken)).toThrow(InvalidIntegrationEventError);
    expect(() => encodeIntegrationEvent(broken)).toThrow(message);
  });

  it('refuses to encode an extension the SDK rejects', () => {
    const broken = { ...customerWon, Bad_Name: 'x' } as unknown as IntegrationEvent;
    expect(() => encodeIntegrationEvent(broken)).toThrow(/invalid extension name/);
  });

  it('decodes an origin it does not know (a newer producer), which is then an echo to no system', () => {
    const decoded = decodeIntegrationEvent(json({ ...customerWon, origin: 'sap' }));
    expect(decoded.origin).toBe('sap');
    expect(isEchoTo(decoded, 'crm')).toBe(false);
  });

  it.each([
    ['bytes that are not JSON', new TextEncoder().encode('{not json'), /not JSON/],
    ['invalid UTF-8', new Uint8Array([0xff, 0xfe]), /not JSON/],
    ['a JSON array', json([customerWon]), /not a JSON object/],
    ['an event without data', json({ ...customerWon, data: undefined }), /has no data/],
    ['a CloudEvents 0.3 event', json({ ...customerWon, specversion: '0.3' }), /unsupported CloudEvents specversion/],
  ])('refuses to decode %s', (_what, bytes, message) => {
    expect(() => decodeIntegrationEvent(bytes)).toThrow(InvalidIntegrationEventError);
    expect(() => decodeIntegrationEvent(bytes)).toThrow(message);
  });
});
