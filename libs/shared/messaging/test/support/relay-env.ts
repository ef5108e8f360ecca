import { randomUUID } from 'node:crypto';
import { CRM_STREAM, integrationEventType } from '@switchboard/contracts';
import {
  migrateEventStore,
  PostgresEventStore,
  ProcessorCheckpoints,
  streamName,
  type Position,
  type RecordedEvent,
} from '@switchboard/event-sourcing';
import { createTestNats, createTestSchema, quietLogger, type TestNats, type TestSchema } from '@switchboard/testing';
import { Pool } from 'pg';
import {
  ConsumerLoop,
  decodeIntegrationEvent,
  JetStreamConnection,
  provisionStreams,
  type IntegrationEventMapper,
} from '../../src';

export const RELAY_PROCESSOR = 'crm-relay';

/** The sample service's mapper: CustomerWon is public, CustomerNoteAdded private. */
export const crmMapper: IntegrationEventMapper = (event: RecordedEvent) =>
  event.type === 'CustomerWon'
    ? { type: integrationEventType('crm.customer.won', 1), data: event.data, dataschema: 'https://switchboard.example/schemas/crm.customer.won.v1.json' }
    : null;

/** A relay's world: the CRM service's event store and checkpoint table, and a NATS namespace. */
export interface RelayTestEnv {
  readonly db: TestSchema;
  readonly nats: TestNats;
  readonly connection: JetStreamConnection;
  readonly eventStore: PostgresEventStore;
  /** Has the schema on its search_path, for `processor_checkpoints`. */
  readonly checkpoints: Pool;
  /** Wire name of the CRM stream. */
  readonly crmStream: string;
  close(): Promise<void>;
}

export async function createRelayTestEnv({ provision = true } = {}): Promise<RelayTestEnv> {
  const db = await createTestSchema('relay');
  await migrateEventStore(db.connectionString, db.schema);
  const nats = await createTestNats();
  const connection = await JetStreamConnection.wrap(nats.nc, { namespace: nats.namespace, logger: quietLogger });
  if (provision) await provisionStreams(connection, { streams: [CRM_STREAM] });
  const eventStore = new PostgresEventStore({ connectionString: db.connectionString, schema: db.schema, logger: quietLogger });
  const checkpoints = new Pool({ connectionString: db.connectionString, max: 2, options: `-c search_path="${db.schema}"` });
  return {
    db,
    nats,
    connection,
    eventStore,
    checkpoints,
    crmStream: connection.namespace.stream(CRM_STREAM.name),
    async close() {
      await eventStore.close();
      await checkpoints.end();
      await nats.cleanup();
      await db.drop();
    },
  };
}

/**
 * Appends, per customer, a public CustomerWon then a private CustomerNoteAdded, `parallel`
 * customers at a time. Returns the public events' ids in append order per customer.
 */
export async function appendCustomers(env: RelayTestEnv, count: number, { prefix = 'c', parallel = 8 } = {}): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const customer = `${prefix}${next++}`;
      const id = randomUUID();
      ids.push(id);
      await env.eventStore.appendToStream(
        streamName('customer', customer),
        [
          { id, type: 'CustomerWon', data: { customer, name: `ACME ${customer}` }, metadata: { correlationId: `corr-${customer}` } },
          { type: 'CustomerNoteAdded', data: { note: 'private' } },
        ],
        { expectedRevision: 'no_stream' },
      );
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return ids;
}

/** Every message the CRM stream holds, decoded, with the raw body for extensions. */
export async function storedMessages(env: RelayTestEnv): Promise<{ id: string; subject: string; body: Record<string, unknown> }[]> {
  const info = await env.connection.jsm.streams.info(env.crmStream);
  const messages = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
    const stored = await env.connection.jsm.streams.getMessage(env.crmStream, { seq });
    const event = decodeIntegrationEvent(stored.data);
    messages.push({ id: event.id, subject: stored.subject, body: JSON.parse(new TextDecoder().decode(stored.data)) as Record<string, unknown> });
  }
  return messages;
}

export async function storedCount(env: RelayTestEnv): Promise<number> {
  return (await env.connection.jsm.streams.info(env.crmStream)).state.messages;
}

export async function checkpointOf(env: RelayTestEnv): Promise<Position | null> {
  return ProcessorCheckpoints.read(env.checkpoints, RELAY_PROCESSOR);
}

/** Runs a durable consumer of `crm.customer.won` until it has nothing pending; returns the ids it handled, in order. */
export async function consumeAll(env: RelayTestEnv, handler = 'count-won'): Promise<string[]> {
  const handled: string[] = [];
  const loop = new ConsumerLoop({
    connection: env.connection,
    declaration: { service: 'relay-test', handler, filterSubject: 'crm.customer.won' },
    handle: async ({ event }) => {
      handled.push(event.id);
    },
    expiresMs: 1_000,
    logger: quietLogger,
  });
  const consumer = await loop.start();
  try {
    for (;;) {
      const info = await env.connection.jsm.consumers.info(consumer.stream, consumer.name);
      if (info.num_pending === 0 && info.num_ack_pending === 0 && handled.length >= info.delivered.consumer_seq) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await loop.stop();
  }
  return handled;
}
