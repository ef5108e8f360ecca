/**
 * Wakes waiting subscriptions when something was appended. A generation counter closes the race
 * between "read found nothing" and "start waiting": a reader remembers the generation before it
 * reads and does not wait if an append happened since.
 */
export class AppendSignal {
  private generation = 0;
  private readonly waiters = new Set<() => void>();

  get current(): number {
    return this.generation;
  }

  notify(): void {
    this.generation++;
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }

  /** Resolves on the next append after `seenGeneration`, on `abort`, or after `timeoutMs`. */
  waitForAppendAfter(seenGeneration: number, timeoutMs: number, abort?: AbortSignal): Promise<void> {
    if (this.generation !== seenGeneration || abort?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        abort?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
      abort?.addEventListener('abort', done, { once: true });
    });
  }
}
