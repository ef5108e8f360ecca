export interface RetryBackoff {
  /** Delay after the first failed attempt. */
  readonly baseMs: number;
  /** No delay grows past this. */
  readonly maxMs: number;
}

/**
 * Delay before the next attempt after `failedAttempts` failures: base·2^(n-1), capped; a
 * receiver's Retry-After (seconds) is honoured when it asks for longer, even past the cap (it knows
 * when it can take the request again).
 */
export function retryDelayMs(failedAttempts: number, backoff: RetryBackoff, retryAfterSeconds?: number): number {
  const exponential = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, failedAttempts - 1));
  return retryAfterSeconds === undefined ? exponential : Math.max(exponential, retryAfterSeconds * 1000);
}

/** Retry-After in seconds, from its delta-seconds or HTTP-date form; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: Date = new Date()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}
