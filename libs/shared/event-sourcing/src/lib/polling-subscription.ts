import type { AppendSignal } from './append-signal';
import type { EventFilter, EventSubscription, Position, ReadAllOptions, RecordedEvent } from './event-store.port';
import { comparePositions } from './position';

/**
 * Default first wait before reading again for an append of this process that a read did not
 * return yet. What holds it back is usually another transaction's commit in flight (under 2 ms at
 * p90 in the flow bench at 100 orders/s); with 5 ms, each relay hop of the flow took 3-5 ms longer
 * at p50 (bench/subscription-holdback.bench.ts measures the wait alone).
 */
const DEFAULT_RECHECK_MS = 1;

export interface PollingSubscriptionOptions extends EventFilter {
  after?: Position;
  /** Reads one page of the global order, as `EventStore.readAll`. */
  readPage(options: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Wakes the subscription early when this process appends. */
  signal: AppendSignal;
  pageSize: number;
  /** Longest wait between reads when nothing wakes it (appends from other processes). */
  pollIntervalMs: number;
  /** First wait, doubled each time, while a read has not reached this process's last append (default DEFAULT_RECHECK_MS). */
  recheckMs?: number;
  /** Called once when the subscription ends (closed, or its iteration stopped). */
  onEnd?: () => void;
}

/**
 * A catch-up subscription over `readAll`: reads pages after its own position until a page comes
 * back empty, then waits for a wake-up or the poll interval and reads again. A page is read only
 * when the consumer asks for more (back-pressure). A failed read ends the iteration with that
 * error; the caller resubscribes from its checkpoint.
 *
 * A store may hold a committed event back from readers while an older transaction is still open
 * (the PostgreSQL store reads below the oldest running one, in any process). When a read did not
 * reach this process's last append, the next read comes after 1, 2, 4… ms (up to the poll
 * interval) instead of the whole interval: without it an event appended while some other
 * transaction was open waited the full interval, at every hop of a flow. A filtered subscription
 * may never reach that position; the doubling bounds what it costs to a few reads.
 */
export class PollingSubscription implements EventSubscription {
  private readonly abort = new AbortController();
  private started = false;
  private ended = false;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly options: PollingSubscriptionOptions) {}

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    if (this.started) throw new Error('a subscription can be iterated once; subscribe again for a second reader');
    this.started = true;
    return this.iterate();
  }

  async close(): Promise<void> {
    this.abort.abort();
    // Lets an in-flight read finish, so the store can close its connections after this.
    await this.running;
    this.end();
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.options.onEnd?.();
  }

  private async *iterate(): AsyncGenerator<RecordedEvent> {
    const { readPage, signal, pageSize, pollIntervalMs, eventTypes, streamPrefixes, recheckMs = DEFAULT_RECHECK_MS } = this.options;
    let after = this.options.after;
    let rechecks = 0;
    let lookingFor: Position | undefined;
    try {
      while (!this.abort.signal.aborted) {
        const generation = signal.current;
        const read = readPage({ after, maxCount: pageSize, eventTypes, streamPrefixes });
        this.running = read.then(
          () => undefined,
          () => undefined,
        );
        const page = await read;
        for (const event of page) {
          if (this.abort.signal.aborted) return;
          yield event;
          after = event.position;
        }
        const appended = signal.lastAppended;
        // Events read, or a newer append to look for: back to the shortest wait.
        if (page.length > 0 || appended !== lookingFor) rechecks = 0;
        lookingFor = appended;
        if (page.length < pageSize) {
          const behind = appended !== undefined && (after === undefined || comparePositions(after, appended) < 0);
          const wait = behind ? Math.min(pollIntervalMs, recheckMs * 2 ** rechecks) : pollIntervalMs;
          if (behind) rechecks = Math.min(rechecks + 1, 16);
          await signal.waitForAppendAfter(generation, wait, this.abort.signal);
        }
      }
    } finally {
      this.end();
    }
  }
}
