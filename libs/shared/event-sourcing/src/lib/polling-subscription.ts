import type { AppendSignal } from './append-signal';
import type { EventFilter, EventSubscription, Position, ReadAllOptions, RecordedEvent } from './event-store.port';

export interface PollingSubscriptionOptions extends EventFilter {
  after?: Position;
  /** Reads one page of the global order, as `EventStore.readAll`. */
  readPage(options: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Wakes the subscription early when this process appends. */
  signal: AppendSignal;
  pageSize: number;
  /** Longest wait between reads when nothing wakes it (appends from other processes). */
  pollIntervalMs: number;
  /** Called once when the subscription ends (closed, or its iteration stopped). */
  onEnd?: () => void;
}

/**
 * A catch-up subscription over `readAll`: reads pages after its own position until a page comes
 * back empty, then waits for a wake-up or the poll interval and reads again. A page is read only
 * when the consumer asks for more (back-pressure). A failed read ends the iteration with that
 * error; the caller resubscribes from its checkpoint.
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
    const { readPage, signal, pageSize, pollIntervalMs, eventTypes, streamPrefixes } = this.options;
    let after = this.options.after;
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
        if (page.length < pageSize) {
          await signal.waitForAppendAfter(generation, pollIntervalMs, this.abort.signal);
        }
      }
    } finally {
      this.end();
    }
  }
}
