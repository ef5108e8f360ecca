/**
 * Reads an async iterable ahead of its consumer, up to `capacity` items, so that reading the
 * next page of events overlaps with publishing the current one. `take()` hands over everything
 * read so far in one array (publishing a whole batch in one tick lets NATS send it in one
 * write); it waits while nothing is buffered and returns null once the source has ended. A
 * source error is thrown by `take()` after the items read before it.
 */
export class ReadAhead<T> {
  private buffer: T[] = [];
  private ended = false;
  private failure?: { error: unknown };
  private wakeConsumer?: () => void;
  private wakeReader?: () => void;
  private closed = false;

  constructor(
    source: AsyncIterable<T>,
    private readonly capacity: number,
  ) {
    void this.read(source);
  }

  /** Stops reading (ending the source's iteration); buffered items are dropped. */
  close(): void {
    this.closed = true;
    this.buffer = [];
    this.wake('reader');
  }

  async take(): Promise<T[] | null> {
    while (this.buffer.length === 0) {
      if (this.failure) throw this.failure.error;
      if (this.ended) return null;
      await new Promise<void>((resolve) => (this.wakeConsumer = resolve));
    }
    const items = this.buffer;
    this.buffer = [];
    this.wake('reader');
    return items;
  }

  private async read(source: AsyncIterable<T>): Promise<void> {
    try {
      for await (const item of source) {
        if (this.closed) break;
        this.buffer.push(item);
        this.wake('consumer');
        while (this.buffer.length >= this.capacity && !this.closed) await new Promise<void>((resolve) => (this.wakeReader = resolve));
      }
    } catch (error) {
      this.failure = { error };
    } finally {
      this.ended = true;
      this.wake('consumer');
    }
  }

  private wake(who: 'consumer' | 'reader'): void {
    const wake = who === 'consumer' ? this.wakeConsumer : this.wakeReader;
    if (who === 'consumer') this.wakeConsumer = undefined;
    else this.wakeReader = undefined;
    wake?.();
  }
}
