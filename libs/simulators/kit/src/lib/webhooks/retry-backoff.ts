export interface RetryBackoff {
  /** Delay after the first failed attempt. */
  readonly baseMs: number;
  /** No delay grows past this. */
  readonly maxMs: number;
}

/**
 * Delay before the next attempt after `failedAttempts` failures: base·2^(n-1), capped, and without
 * jitter so a test can tell when a simulator retries; a receiver's Retry-After is honoured when it
 * asks for longer, even past the cap (it knows when it can take the request again).
 */
export function retryDelayMs(failedAttempts: number, backoff: RetryBackoff, retryAfterMs?: number): number {
  const exponential = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, failedAttempts - 1));
  return retryAfterMs === undefined ? exponential : Math.max(exponential, retryAfterMs);
}
