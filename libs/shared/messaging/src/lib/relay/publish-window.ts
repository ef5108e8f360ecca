/**
 * Bounds the publishes in flight and remembers the first failure. `acquire()` waits for a free
 * slot (or returns at once after a failure, so the reader can stop); `drain()` waits until every
 * tracked publish has settled. `onFailure` runs once, on the first failure: the reader may be
 * idle, waiting for new events, and must be woken to give up.
 */
export class PublishWindow {
  private inFlight = 0;
  private waiters: (() => void)[] = [];
  private failure?: { error: unknown };

  constructor(
    private readonly size: number,
    private readonly onFailure: (error: unknown) => void = () => undefined,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`publish window size must be a positive integer, got ${size}`);
  }

  get pending(): number {
    return this.inFlight;
  }

  /** The first publish error, if any. */
  get error(): { error: unknown } | undefined {
    return this.failure;
  }

  get full(): boolean {
    return this.inFlight >= this.size;
  }

  async acquire(): Promise<void> {
    while (this.inFlight >= this.size && !this.failure) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  track(publish: Promise<unknown>): void {
    this.inFlight++;
    publish.then(
      () => this.release(),
      (error: unknown) => {
        if (!this.failure) {
          this.failure = { error };
          this.onFailure(error);
        }
        this.release();
      },
    );
  }

  async drain(): Promise<void> {
    while (this.inFlight > 0) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  private release(): void {
    this.inFlight--;
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
