import { randomUUID } from 'node:crypto';
import { countingPgQueries, createTestSchema, type TestSchema } from '@switchboard/testing';
import { DuplicateEventIdError, migrateEventStore, PostgresEventStore, WrongExpectedRevisionError, type EventToAppend } from '../src';
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

/** A store on a schema of its own for the enclosing describe (set up in beforeAll: read `.store` and `.schema` in the tests). */
function useStore(options: { poolSize?: number } = {}): { readonly store: PostgresEventStore; readonly schema: TestSchema } {
  const handle = { store: undefined as unknown as PostgresEventStore, schema: undefined as unknown as TestSchema };
  beforeAll(async () => {
    handle.schema = await createTestSchema('es');
    await migrateEventStore(handle.schema.connectionString, handle.schema.schema);
    handle.store = new PostgresEventStore({ connectionString: handle.schema.connectionString, schema: handle.schema.schema, ...options });
  });
  afterAll(async () => {
    await handle.store.close();
    await handle.schema.drop();
  });
  return handle;
}

describe('PostgreSQL event store connections', () => {
  const env = useStore();

  it('plan the store\'s statements once (generic plans) and keep the options the URL gives', async () => {
    const url = new URL(env.schema.connectionString);
    url.searchParams.set('options', '-c statement_timeout=12345');
    const store = new PostgresEventStore({ connectionString: url.toString(), schema: env.schema.schema });
    try {
      const { rows } = await store.pool.query<{ plan_cache_mode: string; statement_timeout: string }>(
        "SELECT current_setting('plan_cache_mode') AS plan_cache_mode, current_setting('statement_timeout') AS statement_timeout",
      );
      expect(rows[0]).toEqual({ plan_cache_mode: 'force_generic_plan', statement_timeout: '12345ms' });
    } finally {
      await store.close();
    }
  });
});

describe('PostgreSQL event store under racing appends to one stream', () => {
  const env = useStore({ poolSize: 12 });

  const event = (type: string): EventToAppend => ({ id: randomUUID(), type, data: {} });

  it('stores a racing batch whole or not at all, and keeps revisions gapless', async () => {
    for (let round = 0; round < 10; round++) {
      const stream = `race-${round}`;
      await env.store.appendToStream(stream, [event('Opened')], { expectedRevision: 'no_stream' });
      // Singles and batches of different sizes race for revision 1, then for the next one.
      const writers = Array.from({ length: 8 }, (_, i) => Array.from({ length: (i % 4) + 1 }, () => event(`W${i}`)));
      const outcomes = await Promise.allSettled(writers.map((batch) => env.store.appendToStream(stream, batch, { expectedRevision: 0n })));

      const winners = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
      expect(winners).toHaveLength(1);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(WrongExpectedRevisionError);
      }
      const stored = await env.store.readStream(stream);
      expect(stored.map((e) => e.id)).toEqual([stored[0]!.id, ...writers[winners[0]!]!.map((e) => e.id)]);
      expect(stored.map((e) => e.streamRevision)).toEqual(stored.map((_, i) => BigInt(i)));
    }
  });

  it('lets every racing stream_exists append through, one after the other', async () => {
    await env.store.appendToStream('any-1', [event('Opened')], { expectedRevision: 'no_stream' });

    await Promise.all(Array.from({ length: 8 }, () => env.store.appendToStream('any-1', [event('Noted')], { expectedRevision: 'stream_exists' })));

    const stored = await env.store.readStream('any-1');
    expect(stored.map((e) => e.streamRevision)).toEqual(Array.from({ length: 9 }, (_, i) => BigInt(i)));
  });

  it('leaves the caller\'s transaction usable after losing a race', async () => {
    await env.store.appendToStream('tx-1', [event('Opened')], { expectedRevision: 'no_stream' });
    await env.store.appendToStream('tx-1', [event('Renamed')], { expectedRevision: 0n });
    const client = await env.store.pool.connect();
    try {
      await client.query('BEGIN');
      const stale = await env.store.appendInTransaction(client, 'tx-1', [event('Renamed')], { expectedRevision: 0n }).catch((e: unknown) => e);
      expect(stale).toMatchObject({ expected: 0n, actual: 1n });
      await env.store.appendInTransaction(client, 'tx-1', [event('Closed')], { expectedRevision: 1n });
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect((await env.store.readStream('tx-1')).map((e) => e.type)).toEqual(['Opened', 'Renamed', 'Closed']);
  });
});

describe('PostgreSQL event store group commit (single-event appends made together)', () => {
  const env = useStore();

  const event = (type: string, id: string = randomUUID()): EventToAppend => ({ id, type, data: { type } });

  it('stores appends to distinct streams made together in one statement, each at its expected revision', async () => {
    await env.store.appendToStream('g-exact', [event('Opened')], { expectedRevision: 'no_stream' });
    await env.store.appendToStream('g-exists', [event('Opened')], { expectedRevision: 'no_stream' });
    const fresh = Array.from({ length: 10 }, (_, i) => `g-new-${i}`);

    const { result: results, queries } = await countingPgQueries(() =>
      Promise.all([
        ...fresh.map((stream) => env.store.appendToStream(stream, [event('Opened')], { expectedRevision: 'no_stream' })),
        env.store.appendToStream('g-exact', [event('Renamed')], { expectedRevision: 0n }),
        env.store.appendToStream('g-exists', [event('Noted')], { expectedRevision: 'stream_exists' }),
      ]),
    );

    expect(queries).toBe(1);
    expect(results.map((r) => r.nextExpectedRevision)).toEqual([...fresh.map(() => 0n), 1n, 1n]);
    expect((await env.store.readStream('g-exact')).map((e) => e.type)).toEqual(['Opened', 'Renamed']);
    expect((await env.store.readStream('g-exists')).map((e) => e.type)).toEqual(['Opened', 'Noted']);
    for (const stream of fresh) expect((await env.store.readStream(stream)).map((e) => e.streamRevision)).toEqual([0n]);
    const positions = results.map((r) => r.position);
    expect(new Set(positions.map((p) => p.commit)).size).toBe(1);
    expect(new Set(positions.map((p) => p.prepare)).size).toBe(positions.length);
  });

  it('gives an append of the group whose stream moved the error it would have had alone, and stores the others', async () => {
    await env.store.appendToStream('m-1', [event('Opened')], { expectedRevision: 'no_stream' });
    await env.store.appendToStream('m-1', [event('Renamed')], { expectedRevision: 0n });

    const outcomes = await Promise.allSettled([
      env.store.appendToStream('m-2', [event('Opened')], { expectedRevision: 'no_stream' }),
      env.store.appendToStream('m-1', [event('Stale')], { expectedRevision: 0n }),
      env.store.appendToStream('m-3', [event('Opened')], { expectedRevision: 'no_stream' }),
      env.store.appendToStream('m-missing', [event('Noted')], { expectedRevision: 'stream_exists' }),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ expected: 0n, actual: 1n });
    expect((outcomes[3] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect((await env.store.readStream('m-1')).map((e) => e.type)).toEqual(['Opened', 'Renamed']);
    expect(await env.store.readStream('m-2')).toHaveLength(1);
    expect(await env.store.readStream('m-3')).toHaveLength(1);
  });

  it('refuses only the append that reuses an event id, and stores the rest of its group', async () => {
    const reused = randomUUID();
    await env.store.appendToStream('d-1', [event('Opened', reused)], { expectedRevision: 'no_stream' });

    const outcomes = await Promise.allSettled([
      env.store.appendToStream('d-2', [event('Opened')], { expectedRevision: 'no_stream' }),
      env.store.appendToStream('d-3', [event('Opened', reused)], { expectedRevision: 'no_stream' }),
      env.store.appendToStream('d-4', [event('Opened')], { expectedRevision: 'no_stream' }),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateEventIdError);
    expect(await env.store.readStream('d-3')).toEqual([]);
    expect(await env.store.readStream('d-2')).toHaveLength(1);
    expect(await env.store.readStream('d-4')).toHaveLength(1);
  });

  it('treats a retried append whose event is already stored as done, inside a group too', async () => {
    const id = randomUUID();
    const first = await env.store.appendToStream('i-1', [event('Opened', id)], { expectedRevision: 'no_stream' });

    const [again, other] = await Promise.all([
      env.store.appendToStream('i-1', [event('Opened', id)], { expectedRevision: 'no_stream' }),
      env.store.appendToStream('i-2', [event('Opened')], { expectedRevision: 'no_stream' }),
    ]);

    expect(again).toEqual(first);
    expect(other.nextExpectedRevision).toBe(0n);
    expect(await env.store.readStream('i-1')).toHaveLength(1);
  });
});

describe('PostgreSQL event store subscriptions of one process', () => {
  const env = useStore();

  it('share the page read when one append wakes them at the same position', async () => {
    const { position: head } = await env.store.appendToStream('shared-1', [{ type: 'Opened', data: {} }], { expectedRevision: 'no_stream' });
    // Given: two subscriptions caught up at the head (the relay and the projections, say).
    const relay = env.store.subscribeToAll({ after: head })[Symbol.asyncIterator]();
    const projections = env.store.subscribeToAll({ after: head })[Symbol.asyncIterator]();
    const next = [relay.next(), projections.next()];
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Watch identical page reads in flight at once (each would be a query of its own).
    let inFlight = 0;
    let mostInFlight = 0;
    const readAll = env.store.readAll.bind(env.store);
    jest.spyOn(env.store, 'readAll').mockImplementation(async (options) => {
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      try {
        return await readAll(options);
      } finally {
        inFlight--;
      }
    });
    // When: one append wakes both.
    await env.store.appendToStream('shared-1', [{ type: 'Renamed', data: {} }], { expectedRevision: 0n });
    const [a, b] = await Promise.all(next);
    // Then: both get the event, from one read at a time.
    expect([a.value?.type, b.value?.type]).toEqual(['Renamed', 'Renamed']);
    expect(mostInFlight).toBe(1);
    await Promise.all([relay.return?.(), projections.return?.()]);
  });
});
