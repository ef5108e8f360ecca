import { randomUUID } from 'node:crypto';
import { createTestSchema, type TestSchema } from '@switchboard/testing';
import { migrateEventStore, PostgresEventStore, WrongExpectedRevisionError, type EventToAppend } from '../src';
import { describeEventStoreContract } from './event-store.contract';

describeEventStoreContract(
  'PostgreSQL',
  async () => {
    const schema: TestSchema = await createTestSchema('es');
    await migrateEventStore(schema.connectionString, schema.schema);
    const store = new PostgresEventStore({ connectionString: schema.connectionString, schema: schema.schema });
    return {
      store,
      async dispose() {
        await store.close();
        await schema.drop();
      },
    };
  },
  { rejectsReusedEventIds: true },
);

describe('PostgreSQL event store under racing appends to one stream', () => {
  let schema: TestSchema;
  let store: PostgresEventStore;

  beforeAll(async () => {
    schema = await createTestSchema('es');
    await migrateEventStore(schema.connectionString, schema.schema);
    store = new PostgresEventStore({ connectionString: schema.connectionString, schema: schema.schema, poolSize: 12 });
  });
  afterAll(async () => {
    await store.close();
    await schema.drop();
  });

  const event = (type: string): EventToAppend => ({ id: randomUUID(), type, data: {} });

  it('stores a racing batch whole or not at all, and keeps revisions gapless', async () => {
    for (let round = 0; round < 10; round++) {
      const stream = `race-${round}`;
      await store.appendToStream(stream, [event('Opened')], { expectedRevision: 'no_stream' });
      // Singles and batches of different sizes race for revision 1, then for the next one.
      const writers = Array.from({ length: 8 }, (_, i) => Array.from({ length: (i % 4) + 1 }, () => event(`W${i}`)));
      const outcomes = await Promise.allSettled(writers.map((batch) => store.appendToStream(stream, batch, { expectedRevision: 0n })));

      const winners = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
      expect(winners).toHaveLength(1);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(WrongExpectedRevisionError);
      }
      const stored = await store.readStream(stream);
      expect(stored.map((e) => e.id)).toEqual([stored[0]!.id, ...writers[winners[0]!]!.map((e) => e.id)]);
      expect(stored.map((e) => e.streamRevision)).toEqual(stored.map((_, i) => BigInt(i)));
    }
  });

  it('lets every racing stream_exists append through, one after the other', async () => {
    await store.appendToStream('any-1', [event('Opened')], { expectedRevision: 'no_stream' });

    await Promise.all(Array.from({ length: 8 }, () => store.appendToStream('any-1', [event('Noted')], { expectedRevision: 'stream_exists' })));

    const stored = await store.readStream('any-1');
    expect(stored.map((e) => e.streamRevision)).toEqual(Array.from({ length: 9 }, (_, i) => BigInt(i)));
  });

  it('leaves the caller\'s transaction usable after losing a race', async () => {
    await store.appendToStream('tx-1', [event('Opened')], { expectedRevision: 'no_stream' });
    await store.appendToStream('tx-1', [event('Renamed')], { expectedRevision: 0n });
    const client = await store.pool.connect();
    try {
      await client.query('BEGIN');
      const stale = await store.appendInTransaction(client, 'tx-1', [event('Renamed')], { expectedRevision: 0n }).catch((e: unknown) => e);
      expect(stale).toMatchObject({ expected: 0n, actual: 1n });
      await store.appendInTransaction(client, 'tx-1', [event('Closed')], { expectedRevision: 1n });
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect((await store.readStream('tx-1')).map((e) => e.type)).toEqual(['Opened', 'Renamed', 'Closed']);
  });
});

describe('PostgreSQL event store subscriptions of one process', () => {
  let schema: TestSchema;
  let store: PostgresEventStore;

  beforeAll(async () => {
    schema = await createTestSchema('es');
    await migrateEventStore(schema.connectionString, schema.schema);
    store = new PostgresEventStore({ connectionString: schema.connectionString, schema: schema.schema });
  });
  afterAll(async () => {
    await store.close();
    await schema.drop();
  });

  it('share the page read when one append wakes them at the same position', async () => {
    const { position: head } = await store.appendToStream('shared-1', [{ type: 'Opened', data: {} }], { expectedRevision: 'no_stream' });
    // Given: two subscriptions caught up at the head (the relay and the projections, say).
    const relay = store.subscribeToAll({ after: head })[Symbol.asyncIterator]();
    const projections = store.subscribeToAll({ after: head })[Symbol.asyncIterator]();
    const next = [relay.next(), projections.next()];
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Watch identical page reads in flight at once (each would be a query of its own).
    let inFlight = 0;
    let mostInFlight = 0;
    const readAll = store.readAll.bind(store);
    jest.spyOn(store, 'readAll').mockImplementation(async (options) => {
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      try {
        return await readAll(options);
      } finally {
        inFlight--;
      }
    });
    // When: one append wakes both.
    await store.appendToStream('shared-1', [{ type: 'Renamed', data: {} }], { expectedRevision: 0n });
    const [a, b] = await Promise.all(next);
    // Then: both get the event, from one read at a time.
    expect([a.value?.type, b.value?.type]).toEqual(['Renamed', 'Renamed']);
    expect(mostInFlight).toBe(1);
    await Promise.all([relay.return?.(), projections.return?.()]);
  });
});
