import { randomUUID } from 'node:crypto';
import { AppendSignal } from '../append-signal';
import { assertAppendable } from '../append-validation';
import { DuplicateEventIdError } from '../duplicate-event-id.error';
import type {
  AppendResult,
  EventStore,
  EventSubscription,
  EventToAppend,
  ExpectedRevision,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
} from '../event-store.port';
import { matchesFilter } from '../event-filter';
import { PollingSubscription } from '../polling-subscription';
import { comparePositions } from '../position';
import { WrongExpectedRevisionError } from '../wrong-expected-revision.error';

/**
 * The event store in a process's memory, for unit tests only: same contract as the real
 * adapters (test/event-store.contract.ts), positions are one counter for commit and prepare.
 */
export class InMemoryEventStore implements EventStore {
  private readonly all: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byId = new Map<string, RecordedEvent>();
  private readonly signal = new AppendSignal();
  private readonly subscriptions = new Set<PollingSubscription>();

  async appendToStream(
    streamName: string,
    events: readonly EventToAppend[],
    { expectedRevision }: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    assertAppendable(streamName, events);
    const stream = this.streams.get(streamName) ?? [];
    const actual = stream.length === 0 ? 'no_stream' : BigInt(stream.length - 1);
    if (!revisionMatches(expectedRevision, actual)) {
      const retried = this.sameBatchAlreadyStored(stream, events, expectedRevision);
      if (retried) return retried;
      throw new WrongExpectedRevisionError(streamName, expectedRevision, actual);
    }
    const reused = events.flatMap(({ id }) => (id !== undefined && this.byId.has(id) ? [id] : []));
    if (reused.length > 0) throw new DuplicateEventIdError(reused);

    const recordedAt = new Date();
    for (const event of events) {
      const sequence = BigInt(this.all.length + 1);
      const recorded: RecordedEvent = {
        id: event.id ?? randomUUID(),
        type: event.type,
        data: structuredClone(event.data),
        metadata: structuredClone(event.metadata ?? {}),
        streamName,
        streamRevision: BigInt(stream.length),
        position: { commit: sequence, prepare: sequence },
        recordedAt,
      };
      stream.push(recorded);
      this.all.push(recorded);
      this.byId.set(recorded.id, recorded);
    }
    this.streams.set(streamName, stream);
    this.signal.notify();
    const last = stream[stream.length - 1];
    return { nextExpectedRevision: last.streamRevision, position: last.position };
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const stream = this.streams.get(streamName) ?? [];
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision;
    const selected = backwards
      ? stream.filter((e) => from === undefined || e.streamRevision <= from).reverse()
      : stream.filter((e) => from === undefined || e.streamRevision >= from);
    return selected.slice(0, options.maxCount ?? selected.length).map(copy);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const { after, maxCount = Number.MAX_SAFE_INTEGER } = options;
    const result: RecordedEvent[] = [];
    for (const event of this.all) {
      if (result.length >= maxCount) break;
      if (after && comparePositions(event.position, after) <= 0) continue;
      if (matchesFilter(event, options)) result.push(copy(event));
    }
    return result;
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): EventSubscription {
    const subscription: PollingSubscription = new PollingSubscription({
      ...options,
      onEnd: () => this.subscriptions.delete(subscription),
      readPage: (page) => this.readAll(page),
      signal: this.signal,
      pageSize: 500,
      pollIntervalMs: 1_000,
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<Position | null> {
    return this.all.at(-1)?.position ?? null;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
  }

  /** An idempotent retry: the very same ids already sit right after the expected revision. */
  private sameBatchAlreadyStored(
    stream: readonly RecordedEvent[],
    events: readonly EventToAppend[],
    expectedRevision: ExpectedRevision,
  ): AppendResult | undefined {
    if (expectedRevision === 'stream_exists' || events.some((event) => event.id === undefined)) return undefined;
    const start = expectedRevision === 'no_stream' ? 0 : Number(expectedRevision) + 1;
    const stored = stream.slice(start, start + events.length);
    if (stored.length !== events.length || stored.some((event, i) => event.id !== events[i].id)) return undefined;
    const last = stored[stored.length - 1];
    return { nextExpectedRevision: last.streamRevision, position: last.position };
  }
}

function revisionMatches(expected: ExpectedRevision, actual: bigint | 'no_stream'): boolean {
  if (expected === 'no_stream') return actual === 'no_stream';
  if (expected === 'stream_exists') return actual !== 'no_stream';
  return actual === expected;
}

/** Readers get their own copies, as they would from a real store. */
function copy(event: RecordedEvent): RecordedEvent {
  return { ...event, data: structuredClone(event.data), metadata: structuredClone(event.metadata) };
}
