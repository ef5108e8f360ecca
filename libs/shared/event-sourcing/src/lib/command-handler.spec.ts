import { counterDecider, CounterNotOpen, type CounterCommand } from '../../test/fixtures/counter.decider';
import { CountingEventStore } from '../../test/fixtures/counting-event-store';
import { ConcurrencyRetriesExhaustedError, handleCommand } from './command-handler';
import type { ReadStreamOptions } from './event-store.port';
import { EventTypeRegistry } from './event-type-registry';
import { InMemoryEventStore } from './in-memory/in-memory-event-store';

const open: CounterCommand = { type: 'OpenCounter', data: { counterId: '1' } };
const increment = (by: number): CounterCommand => ({ type: 'IncrementCounter', data: { by } });

/** A store where another writer appends right after each of the first `rivalReads` stream reads. */
class StoreWithRivalWriter extends InMemoryEventStore {
  rivalWrites = 0;

  constructor(private readonly rivalReads: number) {
    super();
  }

  override async readStream(name: string, options?: ReadStreamOptions) {
    const events = await super.readStream(name, options);
    if (this.rivalWrites < this.rivalReads && events.length > 0) {
      this.rivalWrites++;
      await super.appendToStream(name, [{ type: 'CounterIncremented', data: { by: 100, valueAfter: 100 } }], {
        expectedRevision: events.at(-1)!.streamRevision,
      });
    }
    return events;
  }
}

describe('handleCommand', () => {
  it('starts a new stream with no_stream and returns the new events, state, revision and position', async () => {
    const store = new InMemoryEventStore();
    const result = await handleCommand(store, 'counter-1', counterDecider, open);
    expect(result.newEvents).toEqual([{ type: 'CounterOpened', data: { counterId: '1' } }]);
    expect(result.newState).toEqual({ status: 'open', value: 0 });
    expect(result.nextExpectedRevision).toBe(0n);
    expect(result.position).toEqual((await store.readStream('counter-1'))[0]!.position);
  });

  it('folds the stream before deciding and appends at the revision it read', async () => {
    const store = new InMemoryEventStore();
    await handleCommand(store, 'counter-1', counterDecider, open);
    await handleCommand(store, 'counter-1', counterDecider, increment(2));
    const result = await handleCommand(store, 'counter-1', counterDecider, increment(3));
    expect(result.newEvents).toEqual([{ type: 'CounterIncremented', data: { by: 3, valueAfter: 5 } }]);
    expect(result.nextExpectedRevision).toBe(2n);
  });

  it('appends nothing when decide returns no events, and answers with the position of the state it decided on', async () => {
    const store = new InMemoryEventStore();
    const first = await handleCommand(store, 'counter-1', counterDecider, open);
    const result = await handleCommand(store, 'counter-1', counterDecider, open);
    // A read-your-writes wait on this position sees the event that made the repeat a no-op.
    expect(result).toMatchObject({ newEvents: [], nextExpectedRevision: 0n, position: first.position });
    expect(await store.readStream('counter-1')).toHaveLength(1);
  });

  it('lets a domain error through without appending or retrying', async () => {
    const store = new InMemoryEventStore();
    await expect(handleCommand(store, 'counter-1', counterDecider, increment(1))).rejects.toBeInstanceOf(CounterNotOpen);
    expect(await store.readStream('counter-1')).toEqual([]);
  });

  it('reloads and decides again when another writer appended in between', async () => {
    const store = new StoreWithRivalWriter(2);
    await store.appendToStream('counter-1', [{ type: 'CounterOpened', data: { counterId: '1' } }], { expectedRevision: 'no_stream' });
    const result = await handleCommand(store, 'counter-1', counterDecider, increment(1), { retryJitterMs: 0 });
    expect(store.rivalWrites).toBe(2);
    // Decided on the state that includes the rivals' increments.
    expect(result.newEvents).toEqual([{ type: 'CounterIncremented', data: { by: 1, valueAfter: 101 } }]);
    expect(result.nextExpectedRevision).toBe(3n);
  });

  it('gives up after maxRetries conflicts with an error naming the stream and the attempts', async () => {
    const store = new StoreWithRivalWriter(10);
    await store.appendToStream('counter-1', [{ type: 'CounterOpened', data: { counterId: '1' } }], { expectedRevision: 'no_stream' });
    const error = await handleCommand(store, 'counter-1', counterDecider, increment(1), { maxRetries: 2, retryJitterMs: 0 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConcurrencyRetriesExhaustedError);
    expect(error).toMatchObject({ streamName: 'counter-1', attempts: 3 });
    expect((error as Error).message).toContain('counter-1');
    expect(store.rivalWrites).toBe(3);
  });

  it('stamps the given metadata and, with a registry, the schema version on every new event', async () => {
    const store = new InMemoryEventStore();
    const registry = new EventTypeRegistry().register('CounterOpened').register('CounterIncremented');
    await handleCommand(store, 'counter-1', counterDecider, open, {
      registry,
      metadata: { correlationId: 'corr-1', causationId: 'cmd-1', actor: 'user:7' },
    });
    expect((await store.readStream('counter-1'))[0]!.metadata).toEqual({
      correlationId: 'corr-1',
      causationId: 'cmd-1',
      actor: 'user:7',
      schemaVersion: 1,
    });
  });

  describe('with the stream the caller already has (stored)', () => {
    it('decides on it without reading the stream again', async () => {
      const store = new CountingEventStore();
      await handleCommand(store, 'counter-1', counterDecider, open);
      const stored = await store.readStream('counter-1');
      store.reads = 0;
      const result = await handleCommand(store, 'counter-1', counterDecider, increment(2), { stored });
      expect(store.reads).toBe(0);
      expect(result).toMatchObject({ newEvents: [{ type: 'CounterIncremented', data: { by: 2, valueAfter: 2 } }], nextExpectedRevision: 1n });
    });

    it('appends a new stream with no_stream when given none', async () => {
      const store = new CountingEventStore();
      const result = await handleCommand(store, 'counter-1', counterDecider, open, { stored: [] });
      expect(store.reads).toBe(0);
      expect(result.nextExpectedRevision).toBe(0n);
    });

    it('reads and decides again when the copy is stale and decide refuses it, without spending a retry', async () => {
      const store = new CountingEventStore();
      await handleCommand(store, 'counter-1', counterDecider, open);
      await handleCommand(store, 'counter-1', counterDecider, increment(5));
      store.reads = 0;
      // Given: an empty stream (the caller expected a new one), where incrementing is refused; the store holds two events.
      const result = await handleCommand(store, 'counter-1', counterDecider, increment(1), { stored: [], maxRetries: 0 });
      expect(store.reads).toBe(1);
      expect(result.newEvents).toEqual([{ type: 'CounterIncremented', data: { by: 1, valueAfter: 6 } }]);
      expect(result.nextExpectedRevision).toBe(2n);
    });

    it('decides again on a fresh read when the stale copy conflicts', async () => {
      const store = new CountingEventStore();
      await handleCommand(store, 'counter-1', counterDecider, open);
      const stale = await store.readStream('counter-1');
      await handleCommand(store, 'counter-1', counterDecider, increment(5));
      store.reads = 0;
      const result = await handleCommand(store, 'counter-1', counterDecider, increment(1), { stored: stale, maxRetries: 0 });
      expect(store.reads).toBe(1);
      expect(result.newEvents).toEqual([{ type: 'CounterIncremented', data: { by: 1, valueAfter: 6 } }]);
    });

    it('answers a no-op only from a fresh read', async () => {
      const store = new CountingEventStore();
      await handleCommand(store, 'counter-1', counterDecider, open);
      const current = await store.readStream('counter-1');
      store.reads = 0;
      // Opening an open counter changes nothing: read again rather than trust the copy for it.
      const result = await handleCommand(store, 'counter-1', counterDecider, open, { stored: current });
      expect(store.reads).toBe(1);
      expect(result).toMatchObject({ newEvents: [], nextExpectedRevision: 0n });
      expect(await store.readStream('counter-1')).toHaveLength(1);
    });
  });

  describe('with the state the caller already has folded (known)', () => {
    it('decides on it and appends at its revision without reading the stream', async () => {
      const store = new CountingEventStore();
      const opened = await handleCommand(store, 'counter-1', counterDecider, open);
      store.reads = 0;
      const result = await handleCommand(store, 'counter-1', counterDecider, increment(2), { known: { state: opened.newState, revision: opened.nextExpectedRevision } });
      expect(store.reads).toBe(0);
      expect(result).toMatchObject({ newEvents: [{ type: 'CounterIncremented', data: { by: 2, valueAfter: 2 } }], newState: { status: 'open', value: 2 }, nextExpectedRevision: 1n });
    });

    it('decides again on a fresh read when another writer made it stale', async () => {
      const store = new CountingEventStore();
      const opened = await handleCommand(store, 'counter-1', counterDecider, open);
      await handleCommand(store, 'counter-1', counterDecider, increment(5));
      store.reads = 0;
      const result = await handleCommand(store, 'counter-1', counterDecider, increment(1), { known: { state: opened.newState, revision: opened.nextExpectedRevision }, maxRetries: 0 });
      expect(store.reads).toBe(1);
      expect(result.newEvents).toEqual([{ type: 'CounterIncremented', data: { by: 1, valueAfter: 6 } }]);
      expect((await store.readStream('counter-1')).map((e) => e.data)).toEqual([{ counterId: '1' }, { by: 5, valueAfter: 5 }, { by: 1, valueAfter: 6 }]);
    });
  });
});
