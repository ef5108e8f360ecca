// Open-loop arrivals for the latency benches: work starts on a fixed schedule, whatever earlier
// work takes, so a slow answer cannot hold back (and hide) the requests behind it.
import { performance } from 'node:perf_hooks';

export interface OpenLoopRun<T> {
  readonly results: T[];
  /** How late the latest start was against its schedule (the driver's own lag), in ms. */
  readonly maxStartLagMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts `start(i, scheduledAt)` for i = 0, 1, … at `rate` per second for `seconds`, without
 * awaiting one before the next; resolves once every started one has. `scheduledAt` is on the
 * `performance.now()` clock: measure latency from it, not from when the start really happened.
 */
export async function openLoop<T>(
  rate: number,
  seconds: number,
  start: (i: number, scheduledAt: number) => Promise<T>,
): Promise<OpenLoopRun<T>> {
  const count = Math.round(rate * seconds);
  const periodMs = 1_000 / rate;
  const began = performance.now();
  const started: Promise<T>[] = [];
  let maxStartLagMs = 0;
  for (let i = 0; i < count; i++) {
    const scheduledAt = began + i * periodMs;
    const wait = scheduledAt - performance.now();
    if (wait >= 1) await sleep(wait);
    maxStartLagMs = Math.max(maxStartLagMs, performance.now() - scheduledAt);
    started.push(start(i, scheduledAt));
  }
  return { results: await Promise.all(started), maxStartLagMs };
}
