/** How a callout retries: bounded in attempts and in total time. */
export interface RetryPolicy {
  /** Attempts in all, the first included (default 4). */
  readonly maxAttempts: number;
  /** The backoff cap before the first retry; doubles with each retry (default 200 ms). */
  readonly baseDelayMs: number;
  /** The most one backoff may be (default 5 s). */
  readonly maxDelayMs: number;
  /** No attempt starts after this long since the call began, waits included (default 15 s). */
  readonly maxElapsedMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 200, maxDelayMs: 5_000, maxElapsedMs: 15_000 };

/**
 * The wait before attempt `attempt + 1`: exponential backoff with full jitter (AWS Architecture
 * Blog, "Exponential Backoff And Jitter"), i.e. uniform in [0, min(max, base · 2^(attempt-1))),
 * so clients that failed together do not retry together.
 */
export function backoffDelayMs(attempt: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * cap);
}
