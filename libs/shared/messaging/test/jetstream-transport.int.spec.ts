import type { INestMicroservice } from '@nestjs/common';
import { createTestNats, waitFor, type TestNats } from '@switchboard/testing';
import { headers as natsHeaders } from 'nats';
import { IntegrationEventPublisher, JetStreamConnection, listDeadLetters, provisionStreams } from '../src';
import { HandlerProbe, startCustomerWonApp } from './support/customer-won.app';
import { anEvent } from './support/events';
import { RecordingLogger } from './support/recording-logger';

describe('JetStream transport for Nest', () => {
  let nats: TestNats;
  let connection: JetStreamConnection;
  let publisher: IntegrationEventPublisher;
  let probe: HandlerProbe;
  let app: INestMicroservice | undefined;

  const CONSUMER = 'erp-adapter__create-customer';
  const crmStream = () => `${nats.namespace.toUpperCase()}_CRM`;
  const consumerInfo = () => connection.jsm.consumers.info(crmStream(), CONSUMER);

  beforeEach(async () => {
    nats = await createTestNats();
    connection = await JetStreamConnection.wrap(nats.nc, { namespace: nats.namespace, logger: new RecordingLogger() });
    await provisionStreams(connection);
    publisher = new IntegrationEventPublisher(connection);
    probe = new HandlerProbe();
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
    await nats.cleanup();
  });

  const start = () => startCustomerWonApp(probe, { service: 'erp-adapter', connection, streams: false, expiresMs: 1_000 });

  it('hands the decoded event to the @EventPattern handler and acks it after the handler finished', async () => {
    app = await start();
    const event = anEvent('crm.customer.won', 'customer-1', { name: 'ACME' });

    await publisher.publish(event);

    const [handled] = await waitFor(() => probe.handled.length === 1 && probe.handled, { what: 'the event to be handled' });
    expect(handled).toMatchObject({ event, subject: 'crm.customer.won', consumer: CONSUMER, deliveryCount: 1 });
    await waitFor(async () => (await consumerInfo()).ack_floor.stream_seq === 1, { what: 'the ack' });
    expect((await consumerInfo()).num_ack_pending).toBe(0);
  });

  it('applies the events of one aggregate in the order they were published', async () => {
    app = await start();
    const events = Array.from({ length: 25 }, (_, i) => anEvent('crm.customer.won', 'customer-7', { step: i }));

    for (const event of events) await publisher.publish(event);

    await waitFor(() => probe.handled.length === events.length, { what: 'all events to be handled' });
    expect(probe.handled.map((h) => h.event.id)).toEqual(events.map((e) => e.id));
  });

  it('retries a failing handler with backoff, then dead-letters the message with its headers, error and delivery count', async () => {
    probe.failWith = 'ERP is down';
    app = await start();
    const event = anEvent('crm.customer.won', 'customer-2', { name: 'Globex' });

    const published = await publisher.publish(event);

    const [deadLetter] = await waitFor(async () => {
      const letters = await listDeadLetters(connection, { service: 'erp-adapter' });
      return letters.length > 0 && letters;
    }, { what: 'the dead letter' });
    expect(probe.attempts.map((a) => a.deliveryCount)).toEqual([1, 2, 3]);
    const gaps = probe.attempts.slice(1).map((a, i) => a.at - probe.attempts[i].at);
    expect(gaps[0]).toBeGreaterThanOrEqual(90);
    expect(gaps[1]).toBeGreaterThanOrEqual(190);
    expect(deadLetter).toMatchObject({
      service: 'erp-adapter',
      reason: 'handler-failed',
      error: 'ERP is down',
      deliveryCount: 3,
      consumer: CONSUMER,
      originalSubject: 'crm.customer.won',
      originalStream: crmStream(),
      originalSequence: published.seq,
      originalMsgId: event.id,
      eventId: event.id,
      eventType: 'switchboard.crm.customer.won.v1',
    });
    expect(deadLetter.headers['ce-subject']).toEqual(['customer-2']);
    expect(JSON.parse(new TextDecoder().decode(deadLetter.data))).toMatchObject({ id: event.id, data: { name: 'Globex' } });
    // The original was terminated: nothing left pending, nothing redelivered.
    await waitFor(async () => (await consumerInfo()).num_ack_pending === 0, { what: 'the original to be terminated' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(probe.attempts).toHaveLength(3);
  });

  it('dead-letters a message that is not an integration event at once, without calling the handler', async () => {
    app = await start();
    const headers = natsHeaders();
    headers.set('X-Origin', 'a broken producer');

    await connection.js.publish(`${nats.namespace}.crm.customer.won`, new TextEncoder().encode('{"hello":'), { headers });

    const [deadLetter] = await waitFor(async () => {
      const letters = await listDeadLetters(connection, { service: 'erp-adapter' });
      return letters.length > 0 && letters;
    }, { what: 'the dead letter' });
    expect(deadLetter).toMatchObject({ reason: 'undecodable', deliveryCount: 1, consumer: CONSUMER, headers: { 'X-Origin': ['a broken producer'] } });
    expect(deadLetter.error).toMatch(/not JSON/);
    expect(new TextDecoder().decode(deadLetter.data)).toBe('{"hello":');
    expect(probe.attempts).toHaveLength(0);
  });

  it('finishes the handler in flight on close and acks it, so it is not delivered again', async () => {
    probe.workMs = 500;
    app = await start();
    await publisher.publish(anEvent('crm.customer.won', 'customer-3', {}));
    await waitFor(() => probe.attempts.length === 1, { what: 'the handler to start' });

    await app.close();
    app = undefined;

    expect(probe.handled).toHaveLength(1);
    await waitFor(async () => (await consumerInfo()).ack_floor.stream_seq === 1, { what: 'the ack' });
    expect((await consumerInfo()).num_ack_pending).toBe(0);
  });

  it('provisions its consumer idempotently when the service starts again', async () => {
    app = await start();
    await app.close();
    const created = (await consumerInfo()).created;

    app = await start();
    await publisher.publish(anEvent('crm.customer.won', 'customer-4', {}));

    await waitFor(() => probe.handled.length === 1, { what: 'the event to be handled' });
    expect((await consumerInfo()).created).toEqual(created);
  });
});
