import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'pg';
import { createTestSchema, waitFor, type TestSchema } from '@switchboard/testing';
import {
  comparePositions,
  migrateEventStore,
  PostgresEventStore,
  type Position,
  type RecordedEvent,
} from '../src';
import { drain } from './event-store.contract';

/**
 * The PostgreSQL store's promise to subscribers: every committed event exactly once, in
 * (commit, prepare) order, none of a rolled-back transaction, and never one skipped because a
 * transaction holding a lower position committed after a higher one was read.
 */
describe('PostgresEventStore global order', () => {
  let schema: TestSchema;
  let store: PostgresEventStore;
  let writers: Pool;
  let prefix: string;

  beforeAll(async () => {
    schema = await createTestSchema('esorder');
    await migrateEventStore(schema.connectionString, schema.schema);
    store = new PostgresEventStore({
      connectionString: schema.connectionString,
      schema: schema.schema,
      pollIntervalMs: 20,
      pageSize: 50,
    });
    writers = new Pool({ connectionString: schema.connectionString, max: 16 });
  });
  afterAll(async () => {
    await store.close();
    await writers.end();
    await schema.drop();
  });
  beforeEach(() => {
    prefix = `g${randomBytes(4).toString('hex')}`;
  });

  const event = (type = 'Happened') => ({ id: randomUUID(), type, data: {} });

  it('holds back a committed event while an older transaction is still open, then delivers both in order', async () => {
    const subscription = store.subscribeToAll({ streamPrefixes: [`${prefix}-`] });
    const received = drain(subscription);
    const early = await writers.connect();
    try {
      await early.query('BEGIN');
      const slow = event('Slow');
      const slowAppend = await store.appendInTransaction(early, `${prefix}-slow`, [slow], {
        expectedRevision: 'no_stream',
      });
      const fast = event('Fast');
      const fastAppend = await store.appendToStream(`${prefix}-fast`, [fast], {
        expectedRevision: 'no_stream',
      });
      expect(fastAppend.position.prepare).toBeGreaterThan(slowAppend.position.prepare);

      await sleep(300); // many poll rounds: a reader trusting global_position alone would deliver Fast now
      expect(received.events).toEqual([]);
      const head = await store.headPosition();
      expect(head === null || comparePositions(head, slowAppend.position) < 0).toBe(true);

      await early.query('COMMIT');
      await waitFor(() => received.events.length === 2, { what: 'both events after the commit' });
      expect(received.events.map((e) => e.id)).toEqual([slow.id, fast.id]);
    } finally {
      early.release();
      await subscription.close();
    }
  });

  it("delivers a later transaction's event once an older one rolls back, and never the rolled-back one", async () => {
    const subscription = store.subscribeToAll({ streamPrefixes: [`${prefix}-`] });
    const received = drain(subscription);
    const early = await writers.connect();
    try {
      await early.query('BEGIN');
      await store.appendInTransaction(early, `${prefix}-doomed`, [event('Doomed')], {
        expectedRevision: 'no_stream',
      });
      const kept = event('Kept');
      await store.appendToStream(`${prefix}-kept`, [kept], { expectedRevision: 'no_stream' });
      await sleep(100);
      expect(received.events).toEqual([]);
      await early.query('ROLLBACK');
      await waitFor(() => received.events.length === 1, { what: 'the kept event' });
      await sleep(100);
      expect(received.events.map((e) => e.id)).toEqual([kept.id]);
    } finally {
      early.release();
      await subscription.close();
    }
  });

  it('gives live and resuming subscribers every committed event exactly once, in order, under 16 overlapping writers with rollbacks', async () => {
    const WRITERS = 16;
    const TRANSACTIONS_PER_WRITER = 25;
    const committed: { ids: string[]; position: Position; commitOrder: number }[] = [];
    const rolledBack: string[] = [];
    let commits = 0;
    let writersDone = false;
    const committedIds = () => committed.flatMap((c) => c.ids);

    const live = store.subscribeToAll({ streamPrefixes: [`${prefix}-`] });
    const liveReceived = drain(live);

    // A second reader that stops every 25 events and resubscribes from its checkpoint.
    const resumed: RecordedEvent[] = [];
    let reading: { close(): Promise<void> } | undefined;
    const resuming = (async () => {
      let checkpoint: Position | undefined;
      while (!(writersDone && resumed.length >= committedIds().length)) {
        const subscription = store.subscribeToAll({ after: checkpoint, streamPrefixes: [`${prefix}-`] });
        reading = subscription;
        let read = 0;
        for await (const e of subscription) {
          resumed.push(e);
          checkpoint = e.position;
          if (++read === 25) break;
        }
        await subscription.close();
      }
    })();

    async function writer(w: number): Promise<void> {
      for (let t = 0; t < TRANSACTIONS_PER_WRITER; t++) {
        const events = Array.from({ length: 1 + ((w + t) % 3) }, () => event());
        const ids = events.map((e) => e.id);
        const stream = `${prefix}-w${w}t${t}`;
        if (t % 5 === 0) {
          const { position } = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
          committed.push({ ids, position, commitOrder: commits++ });
          continue;
        }
        const client = await writers.connect();
        try {
          await client.query('BEGIN');
          const { position } = await store.appendInTransaction(client, stream, events, {
            expectedRevision: 'no_stream',
          });
          // Hold the transaction open (now and then for long) so later ones commit first.
          await client.query('SELECT pg_sleep($1)', [t % 7 === 3 ? 0.25 : Math.random() * 0.03]);
          if ((w * 31 + t) % 5 === 1) {
            await client.query('ROLLBACK');
            rolledBack.push(...ids);
          } else {
            await client.query('COMMIT');
            committed.push({ ids, position, commitOrder: commits++ });
          }
        } finally {
          client.release();
        }
      }
    }

    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    writersDone = true;
    const expected = committedIds();
    // Generous: subscribers see an event only once every older transaction in the whole PostgreSQL
    // cluster has ended, and other test suites run transactions beside this one.
    await waitFor(() => liveReceived.events.length >= expected.length, {
      timeoutMs: 120_000,
      what: 'the live subscriber to see every commit',
    });
    await waitFor(() => resumed.length >= expected.length, {
      timeoutMs: 120_000,
      what: 'the resuming subscriber to see every commit',
    });
    // The last event may have come before the writers were known to be done: the reader then
    // waits for one more that never comes, so end its subscription (the loop then stops).
    await reading?.close();
    await resuming;
    await sleep(200); // room for a duplicate or a rolled-back event to show up, if the store had such a bug
    await live.close();
    await liveReceived.done;

    // The test really produced commits out of position order.
    const byCommit = [...committed].sort((a, b) => a.commitOrder - b.commitOrder);
    expect(
      byCommit.some((c, i) => i > 0 && comparePositions(c.position, byCommit[i - 1]!.position) < 0),
    ).toBe(true);
    expect(rolledBack.length).toBeGreaterThan(0);

    const inGlobalOrder = (await store.readAll({ streamPrefixes: [`${prefix}-`] })).map((e) => e.id);
    expect(inGlobalOrder).toHaveLength(expected.length);
    for (const events of [liveReceived.events, resumed]) {
      const ids = events.map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual([...expected].sort());
      expect(ids).toEqual(inGlobalOrder);
      for (let i = 1; i < events.length; i++)
        expect(comparePositions(events[i - 1]!.position, events[i]!.position)).toBe(-1);
    }
    expect(liveReceived.events.filter((e) => rolledBack.includes(e.id))).toEqual([]);
  }, 180_000);
});
