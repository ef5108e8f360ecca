// Raw JetStream async publish vs the relay publishing pre-appended events from the event store.
// Usage: npm run bench (or: SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register bench/relay-publish.bench.ts)
import { randomUUID } from 'node:crypto';
import { CRM_STREAM, integrationEventType } from '@switchboard/contracts';
import { migrateEventStore, PostgresEventStore } from '@switchboard/event-sourcing';
import {
  encodeIntegrationEvent,
  IntegrationEventRelay,
  JetStreamConnection,
  provisionStreams,
  type IntegrationEventMapper,
} from '@switchboard/messaging';
import { createTestNats, createTestSchema } from '@switchboard/testing';
import { Pool } from 'pg';
import { measure, printResult, printTable } from './bench-report';

const EVENTS = Number(process.env['BENCH_RELAY_EVENTS'] ?? 20_000);
const WINDOW = 256;
const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

const data = (i: number) => ({ customer: `c${i}`, name: `ACME ${i}`, amount: 1234.5, currency: 'EUR' });
const map: IntegrationEventMapper = (event) => ({ type: integrationEventType('crm.customer.won', 1), data: event.data });

async function main(): Promise<void> {
  const db = await createTestSchema('bench');
  const nats = await createTestNats();
  const connection = await JetStreamConnection.wrap(nats.nc, { namespace: nats.namespace, logger: quiet });
  const store = new PostgresEventStore({ connectionString: db.connectionString, schema: db.schema, logger: quiet });
  const checkpoints = new Pool({ connectionString: db.connectionString, max: 2, options: `-c search_path="${db.schema}"` });
  try {
    await migrateEventStore(db.connectionString, db.schema);
    await provisionStreams(connection, { streams: [CRM_STREAM] });
    const stream = connection.namespace.stream(CRM_STREAM.name);
    const subject = connection.namespace.subject('crm.customer.won');
    const storedCount = async () => (await connection.jsm.streams.info(stream)).state.messages;

    // Raw: the same CloudEvent bytes the relay would send, Nats-Msg-Id set, WINDOW acks awaited at a time.
    const messages = Array.from({ length: EVENTS }, (_, i) =>
      encodeIntegrationEvent({
        id: randomUUID(),
        source: '/crm',
        type: integrationEventType('crm.customer.won', 1),
        subject: `c${i}`,
        time: new Date().toISOString(),
        datacontenttype: 'application/json',
        correlationid: randomUUID(),
        data: data(i),
      }),
    );
    const raw = await measure(`raw js.publish, ${WINDOW} in flight`, EVENTS, async () => {
      let next = 0;
      await Promise.all(
        Array.from({ length: WINDOW }, async () => {
          while (next < EVENTS) {
            const message = messages[next++];
            await connection.js.publish(subject, message.data, { headers: message.headers, msgID: message.msgID, expect: { streamName: stream } });
          }
        }),
      );
    });
    if ((await storedCount()) !== EVENTS) throw new Error('raw publish lost messages');
    await connection.jsm.streams.purge(stream);

    // The relay: the same number of events appended beforehand (100 per stream), then relayed.
    for (let first = 0; first < EVENTS; first += 100) {
      const events = Array.from({ length: Math.min(100, EVENTS - first) }, (_, i) => ({ type: 'CustomerWon', data: data(first + i), metadata: { correlationId: randomUUID() } }));
      await store.appendToStream(`customer-${first}`, events, { expectedRevision: 'no_stream' });
    }
    const relay = new IntegrationEventRelay({ service: 'crm', eventStore: store, checkpoints, connection, map, maxInFlight: WINDOW, logger: quiet });
    const relayed = await measure(`relay from the event store, ${WINDOW} in flight`, EVENTS, async () => {
      relay.start();
      while ((await storedCount()) < EVENTS) await new Promise((resolve) => setTimeout(resolve, 5));
    });
    await relay.stop();
    const status = await relay.status();
    if (!status.caughtUp || (await storedCount()) !== EVENTS) throw new Error(`relay did not publish every event once: ${JSON.stringify(status, (_, v) => (typeof v === 'bigint' ? String(v) : v))}`);

    printTable(`Publishing ${EVENTS} integration events to JetStream`, raw, [relayed]);
    printResult('relay publish vs raw JetStream async publish', relayed, raw, 50);
  } finally {
    await store.close();
    await checkpoints.end();
    await nats.cleanup();
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
