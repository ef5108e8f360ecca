import type { INestMicroservice } from '@nestjs/common';
import { createTestNats, waitFor, type TestNats } from '@switchboard/testing';
import {
  IntegrationEventPublisher,
  JetStreamConnection,
  listDeadLetters,
  provisionStreams,
  replayDeadLetter,
  showDeadLetter,
} from '../src';
import { HandlerProbe, startCustomerWonApp } from './support/customer-won.app';
import { anEvent } from './support/events';
import { RecordingLogger } from './support/recording-logger';

describe('dead-letter queue tooling', () => {
  let nats: TestNats;
  let connection: JetStreamConnection;
  let publisher: IntegrationEventPublisher;
  let probe: HandlerProbe;
  let app: INestMicroservice;

  beforeEach(async () => {
    nats = await createTestNats();
    connection = await JetStreamConnection.wrap(nats.nc, { namespace: nats.namespace, logger: new RecordingLogger() });
    await provisionStreams(connection);
    publisher = new IntegrationEventPublisher(connection);
    probe = new HandlerProbe();
    // Configuration overrides the decorator: one delivery, then the DLQ.
    app = await startCustomerWonApp(probe, {
      service: 'erp-adapter',
      connection,
      streams: false,
      expiresMs: 1_000,
      consumers: { 'create-customer': { maxDeliver: 1 } },
    });
  });

  afterEach(async () => {
    await app.close();
    await nats.cleanup();
  });

  it('lists and shows a dead letter, and replays it to a fixed handler that then handles it', async () => {
    probe.failWith = 'customer number range exhausted';
    const event = anEvent('crm.customer.won', 'customer-9', { name: 'Initech' });
    await publisher.publish(event);
    const [listed] = await waitFor(async () => {
      const letters = await listDeadLetters(connection, { service: 'erp-adapter' });
      return letters.length === 1 && letters;
    }, { what: 'the dead letter' });

    const shown = await showDeadLetter(connection, listed.seq);
    expect(shown).toEqual(listed);
    expect(shown).toMatchObject({ eventId: event.id, error: 'customer number range exhausted', deliveryCount: 1 });

    probe.failWith = undefined;
    const { ack } = await replayDeadLetter(connection, listed.seq);

    const [handled] = await waitFor(() => probe.handled.length === 1 && probe.handled, { what: 'the replayed event to be handled' });
    expect(handled.event).toEqual(event);
    expect(ack).toMatchObject({ stream: `${nats.namespace.toUpperCase()}_CRM`, duplicate: false });
    expect(await listDeadLetters(connection)).toEqual([]);
    await expect(showDeadLetter(connection, listed.seq)).rejects.toThrow(`no dead letter #${listed.seq}`);
  });

  it('filters by service and pages with a limit', async () => {
    probe.failWith = 'boom';
    for (const n of [1, 2, 3]) await publisher.publish(anEvent('crm.customer.won', `customer-${n}`, { n }));
    await waitFor(async () => (await listDeadLetters(connection)).length === 3, { what: 'three dead letters' });

    const firstPage = await listDeadLetters(connection, { service: 'erp-adapter', limit: 2 });
    const secondPage = await listDeadLetters(connection, { service: 'erp-adapter', fromSeq: firstPage[1].seq + 1 });

    expect(firstPage.map((l) => l.headers['ce-subject'])).toEqual([['customer-1'], ['customer-2']]);
    expect(secondPage.map((l) => l.headers['ce-subject'])).toEqual([['customer-3']]);
    expect(await listDeadLetters(connection, { service: 'crm' })).toEqual([]);
  });
});
