import { createTestNats, type TestNats } from '@switchboard/testing';
import { decodeIntegrationEvent, IntegrationEventPublisher, JetStreamConnection, provisionStreams } from '../src';
import { anEvent } from './support/events';
import { RecordingLogger } from './support/recording-logger';

describe('IntegrationEventPublisher', () => {
  let nats: TestNats;
  let connection: JetStreamConnection;
  let publisher: IntegrationEventPublisher;

  beforeEach(async () => {
    nats = await createTestNats();
    connection = await JetStreamConnection.wrap(nats.nc, { namespace: nats.namespace, logger: new RecordingLogger() });
    await provisionStreams(connection);
    publisher = new IntegrationEventPublisher(connection);
  });
  afterEach(() => nats.cleanup());

  it('stores the event in its context stream on the subject named by its type', async () => {
    const event = anEvent('order.status-changed', 'order-1', { status: 'shipped' });

    const ack = await publisher.publish(event);

    expect(ack).toMatchObject({ stream: `${nats.namespace.toUpperCase()}_ORDER`, duplicate: false });
    const stored = await connection.jsm.streams.getMessage(ack.stream, { seq: ack.seq });
    expect(stored.subject).toBe(`${nats.namespace}.order.status-changed`);
    expect(stored.header.get('Nats-Msg-Id')).toBe(event.id);
    expect(decodeIntegrationEvent(stored.data)).toEqual(event);
  });

  it('acknowledges a republished event as a duplicate and stores it once', async () => {
    const event = anEvent('crm.customer.won', 'customer-1', { name: 'ACME' });

    const first = await publisher.publish(event);
    const second = await publisher.publish(event);

    expect(second).toMatchObject({ duplicate: true, seq: first.seq });
    expect((await connection.jsm.streams.info(first.stream)).state.messages).toBe(1);
  });

  it('never publishes an event the CloudEvents SDK rejects', async () => {
    const invalid = { ...anEvent('crm.customer.won', 'customer-1', {}), time: 'not a time' };

    await expect(publisher.publish(invalid)).rejects.toThrow(/not a valid CloudEvent/);
    expect((await connection.jsm.streams.info(`${nats.namespace.toUpperCase()}_CRM`)).state.messages).toBe(0);
  });
});
