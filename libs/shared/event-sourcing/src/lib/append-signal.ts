import type { Position } from './event-store.port';
import { comparePositions } from './position';

/**
 * Wakes waiting subscriptions when something was appended. A generation counter closes the race
 * between "read found nothing" and "start waiting": a reader remembers the generation before it
 * reads and does not wait if an append happened since.
 */
export class AppendSignal {
  private generation = 0;
  private latest: Position | undefined;
  private readonly waiters = new Set<() => void>();

  get current(): number {
    return this.generation;
  }

  /** The newest position this process appended at, when the store reports it. */
  get lastAppended(): Position | undefined {
    return this.latest;
  }

  notify(position?: Position): void {
    if (position && (!this.latest || comparePositions(position, this.latest) > 0)) this.latest = position;
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
