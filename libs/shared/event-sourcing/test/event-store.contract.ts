import { randomBytes, randomUUID } from 'node:crypto';
import { waitFor } from '@switchboard/testing';
import {
  comparePositions,
  DuplicateEventIdError,
  WrongExpectedRevisionError,
  type EventStore,
  type EventSubscription,
  type EventToAppend,
  type Position,
  type RecordedEvent,
} from '../src';

export interface EventStoreContractFixture {
  store: EventStore;
  dispose(): Promise<void>;
}

export interface EventStoreContractOptions {
  /** Set to skip the whole suite (jest reports it as skipped), e.g. when its server is not configured. */
  skipReason?: string;
  /** The store rejects an event id already used by another write (PostgreSQL, in-memory; not EventStoreDB). */
  rejectsReusedEventIds?: boolean;
}

/**
 * The behaviour every EventStore adapter must show. Each test works on streams of its own
 * category, so suites may share a server with other runs (EventStoreDB) and run in parallel.
 */
export function describeEventStoreContract(
  name: string,
  createFixture: () => Promise<EventStoreContractFixture>,
  options: EventStoreContractOptions = {},
): void {
  const describeOrSkip = options.skipReason ? describe.skip : describe;
  describeOrSkip(`EventStore contract: ${name}${options.skipReason ? ` (skipped: ${options.skipReason})` : ''}`, () => {
    let fixture: EventStoreContractFixture;
    let store: EventStore;
    let category: string;

    beforeAll(async () => {
      fixture = await createFixture();
      store = fixture.store;
    });
    afterAll(() => fixture?.dispose());
    beforeEach(() => {
      category = `c${randomBytes(5).toString('hex')}`;
    });

    const stream = (id: string) => `${category}-${id}`;
    const event = (type: string, data: Record<string, unknown> = {}): EventToAppend => ({ id: randomUUID(), type, data });

    describe('append', () => {
      it('creates a stream with no_stream, numbering its events from revision 0', async () => {
        const result = await store.appendToStream(stream('a'), [event('Opened'), event('Renamed')], { expectedRevision: 'no_stream' });
        expect(result.nextExpectedRevision).toBe(1n);
        const read = await store.readStream(stream('a'));
        expect(read.map((e) => [e.type, e.streamRevision, e.streamName])).toEqual([
          ['Opened', 0n, stream('a')],
          ['Renamed', 1n, stream('a')],
        ]);
        expect(read[1]!.position).toEqual(result.position);
      });

      it('refuses no_stream for a stream that exists, naming the actual revision', async () => {
        await store.appendToStream(stream('a'), [event('Opened')], { expectedRevision: 'no_stream' });
        const error = await store.appendToStream(stream('a'), [event('Opened')], { expectedRevision: 'no_stream' }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ streamName: stream('a'), expected: 'no_stream', actual: 0n });
      });

      it('appends with stream_exists to an existing stream and refuses it for a missing one', async () => {
        await store.appendToStream(stream('a'), [event('Opened')], { expectedRevision: 'no_stream' });
        const result = await store.appendToStream(stream('a'), [event('Renamed')], { expectedRevision: 'stream_exists' });
        expect(result.nextExpectedRevision).toBe(1n);
        const error = await store.appendToStream(stream('missing'), [event('Renamed')], { expectedRevision: 'stream_exists' }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ expected: 'stream_exists', actual: 'no_stream' });
      });

      it('appends at the exact revision and refuses a stale or missing one', async () => {
        await store.appendToStream(stream('a'), [event('Opened'), event('Renamed')], { expectedRevision: 'no_stream' });
        const result = await store.appendToStream(stream('a'), [event('Closed')], { expectedRevision: 1n });
        expect(result.nextExpectedRevision).toBe(2n);
        const stale = await store.appendToStream(stream('a'), [event('Closed')], { expectedRevision: 1n }).catch((e: unknown) => e);
        expect(stale).toBeInstanceOf(WrongExpectedRevisionError);
        expect(stale).toMatchObject({ expected: 1n, actual: 2n });
        const missing = await store.appendToStream(stream('b'), [event('Closed')], { expectedRevision: 0n }).catch((e: unknown) => e);
        expect(missing).toMatchObject({ expected: 0n, actual: 'no_stream' });
        expect(await store.readStream(stream('a'))).toHaveLength(3);
      });

      it('lets exactly one of several concurrent writers at the same revision win', async () => {
        await store.appendToStream(stream('a'), [event('Opened')], { expectedRevision: 'no_stream' });
        const outcomes = await Promise.allSettled(
          Array.from({ length: 6 }, () => store.appendToStream(stream('a'), [event('Renamed')], { expectedRevision: 0n })),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        for (const outcome of outcomes.filter((o) => o.status === 'rejected')) {
          expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
        }
        expect(await store.readStream(stream('a'))).toHaveLength(2);
      });

      it('answers a re-sent batch (same ids, same expected revision) with the first result and stores it once', async () => {
        await store.appendToStream(stream('a'), [event('Opened')], { expectedRevision: 'no_stream' });
        const batch = [event('Renamed'), event('Closed')];
        const first = await store.appendToStream(stream('a'), batch, { expectedRevision: 0n });
        const again = await store.appendToStream(stream('a'), batch, { expectedRevision: 0n });
        expect(again).toEqual(first);
        const created = [event('Opened')];
        const createdFirst = await store.appendToStream(stream('b'), created, { expectedRevision: 'no_stream' });
        expect(await store.appendToStream(stream('b'), created, { expectedRevision: 'no_stream' })).toEqual(createdFirst);
        expect((await store.readStream(stream('a'))).map((e) => e.id)).toEqual([expect.any(String), batch[0]!.id, batch[1]!.id]);
        expect(await store.readStream(stream('b'))).toHaveLength(1);
      });

      (options.rejectsReusedEventIds ? it : it.skip)('rejects an event id that another write already stored', async () => {
        const reused = event('Opened');
        await store.appendToStream(stream('a'), [reused], { expectedRevision: 'no_stream' });
        const error = await store.appendToStream(stream('b'), [reused], { expectedRevision: 'no_stream' }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DuplicateEventIdError);
        expect(await store.readStream(stream('b'))).toEqual([]);
      });

      it('generates distinct ids for events appended without one', async () => {
        await store.appendToStream(stream('a'), [{ type: 'Opened', data: {} }, { type: 'Opened', data: {} }], { expectedRevision: 'no_stream' });
        const [first, second] = await store.readStream(stream('a'));
        expect(first!.id).toMatch(/^[0-9a-f-]{36}$/);
        expect(first!.id).not.toBe(second!.id);
      });

      it('round-trips data and metadata: correlation, causation, traceparent, actor, extra keys', async () => {
        const metadata = {
          correlationId: randomUUID(),
          causationId: randomUUID(),
          traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
          actor: 'user:42',
          tenant: 'acme',
        };
        const data = { name: 'Zoë', lines: [{ sku: 'A-1', qty: 2 }], nested: { ok: true, none: null } };
        await store.appendToStream(stream('a'), [{ ...event('Opened', data), metadata }], { expectedRevision: 'no_stream' });
        const [read] = await store.readStream(stream('a'));
        expect(read!.data).toEqual(data);
        expect(read!.metadata).toMatchObject(metadata);
        expect(read!.recordedAt).toBeInstanceOf(Date);
      });
    });

    describe('readStream', () => {
      beforeEach(async () => {
        await store.appendToStream(stream('a'), ['E0', 'E1', 'E2', 'E3', 'E4'].map((type) => event(type)), { expectedRevision: 'no_stream' });
      });
      const types = (events: RecordedEvent[]) => events.map((e) => e.type);

      it('reads forwards from the start, or from a revision, up to maxCount', async () => {
        expect(types(await store.readStream(stream('a')))).toEqual(['E0', 'E1', 'E2', 'E3', 'E4']);
        expect(types(await store.readStream(stream('a'), { fromRevision: 2n }))).toEqual(['E2', 'E3', 'E4']);
        expect(types(await store.readStream(stream('a'), { fromRevision: 1n, maxCount: 2 }))).toEqual(['E1', 'E2']);
      });

      it('reads backwards from the end, or from a revision, up to maxCount', async () => {
        expect(types(await store.readStream(stream('a'), { direction: 'backwards' }))).toEqual(['E4', 'E3', 'E2', 'E1', 'E0']);
        expect(types(await store.readStream(stream('a'), { direction: 'backwards', fromRevision: 2n }))).toEqual(['E2', 'E1', 'E0']);
        expect(types(await store.readStream(stream('a'), { direction: 'backwards', maxCount: 2 }))).toEqual(['E4', 'E3']);
      });

      it('returns nothing for a stream that does not exist', async () => {
        expect(await store.readStream(stream('missing'))).toEqual([]);
      });
    });

    describe('readAll', () => {
      it('reads the global order strictly after a position, across streams, up to maxCount', async () => {
        const before = await store.appendToStream(stream('a'), [event('A0')], { expectedRevision: 'no_stream' });
        await store.appendToStream(stream('b'), [event('B0'), event('B1')], { expectedRevision: 'no_stream' });
        await store.appendToStream(stream('a'), [event('A1')], { expectedRevision: 0n });
        const mine = { streamPrefixes: [`${category}-`] };
        const all = await waitFor(async () => {
          const read = await store.readAll({ ...mine, after: before.position });
          return read.length === 3 && read;
        }, { what: 'three events after the first' });
        expect(all.map((e) => e.type)).toEqual(['B0', 'B1', 'A1']);
        expectAscending(all.map((e) => e.position));
        expect((await store.readAll({ ...mine, after: before.position, maxCount: 2 })).map((e) => e.type)).toEqual(['B0', 'B1']);
        expect((await store.readAll({ ...mine, after: all[2]!.position })).length).toBe(0);
      });

      it('filters by event type and by stream prefix', async () => {
        const start = await store.headPosition();
        await store.appendToStream(stream('a'), [event('Kept'), event('Dropped')], { expectedRevision: 'no_stream' });
        await store.appendToStream(`${category}x-b`, [event('Kept')], { expectedRevision: 'no_stream' });
        const byType = await waitFor(async () => {
          const read = await store.readAll({ after: start ?? undefined, eventTypes: ['Kept'], streamPrefixes: [`${category}-`, `${category}x-`] });
          return read.length === 2 && read;
        }, { what: 'the two Kept events' });
        expect(byType.map((e) => e.streamName)).toEqual([stream('a'), `${category}x-b`]);
        const byPrefix = await store.readAll({ after: start ?? undefined, streamPrefixes: [`${category}-`] });
        expect(byPrefix.map((e) => e.type)).toEqual(['Kept', 'Dropped']);
      });
    });

    describe('subscribeToAll', () => {
      it('catches up from a checkpoint, then delivers live events, in order, once', async () => {
        const first = await store.appendToStream(stream('a'), [event('A0')], { expectedRevision: 'no_stream' });
        await store.appendToStream(stream('a'), [event('A1'), event('A2')], { expectedRevision: 0n });
        const subscription = store.subscribeToAll({ after: first.position, streamPrefixes: [`${category}-`] });
        const received = drain(subscription);
        await waitFor(() => received.events.length >= 2, { what: 'the caught-up events' });
        await store.appendToStream(stream('b'), [event('B0')], { expectedRevision: 'no_stream' });
        await store.appendToStream(stream('a'), [event('A3')], { expectedRevision: 2n });
        await waitFor(() => received.events.length >= 4, { what: 'the live events' });
        await subscription.close();
        await received.done;
        expect(received.events.map((e) => e.type)).toEqual(['A1', 'A2', 'B0', 'A3']);
        expectAscending(received.events.map((e) => e.position));
      });

      it('delivers only the event types asked for', async () => {
        const start = await store.headPosition();
        const subscription = store.subscribeToAll({ after: start ?? undefined, eventTypes: ['Wanted'], streamPrefixes: [`${category}-`] });
        const received = drain(subscription);
        await store.appendToStream(stream('a'), [event('Other'), event('Wanted', { n: 1 }), event('Other'), event('Wanted', { n: 2 })], {
          expectedRevision: 'no_stream',
        });
        await waitFor(() => received.events.length >= 2, { what: 'the wanted events' });
        await subscription.close();
        await received.done;
        expect(received.events.map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
      });

      it('ends the iteration when closed while waiting for live events', async () => {
        const subscription = store.subscribeToAll({ after: (await store.headPosition()) ?? undefined, streamPrefixes: [`${category}-`] });
        const received = drain(subscription);
        await new Promise((resolve) => setTimeout(resolve, 50));
        await subscription.close();
        await expect(received.done).resolves.toBeUndefined();
        expect(received.events).toEqual([]);
      });
    });

    describe('headPosition', () => {
      it('reaches the position of the last append, and a reader after it finds nothing of ours', async () => {
        const appended = await store.appendToStream(stream('a'), [event('A0'), event('A1')], { expectedRevision: 'no_stream' });
        const head = await waitFor(async () => {
          const position = await store.headPosition();
          return position !== null && comparePositions(position, appended.position) >= 0 && position;
        }, { what: 'the head to reach the append' });
        expect(await store.readAll({ after: head, streamPrefixes: [`${category}-`] })).toEqual([]);
      });
    });
  });
}

function expectAscending(positions: Position[]): void {
  for (let i = 1; i < positions.length; i++) expect(comparePositions(positions[i - 1]!, positions[i]!)).toBe(-1);
}

/** Reads a subscription in the background; `done` settles when its iteration ends. */
export function drain(subscription: EventSubscription): { events: RecordedEvent[]; done: Promise<void> } {
  const events: RecordedEvent[] = [];
  const done = (async () => {
    for await (const event of subscription) events.push(event);
  })();
  return { events, done };
}
