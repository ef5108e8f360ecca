/**
 * The faults a simulator injects into its non-admin API, as set through `PUT /admin/faults`.
 * Every field is optional; the empty object means a healthy system.
 */
export interface FaultSettings {
  /** Added to every request before it is answered. */
  readonly latencyMs?: number;
  /** Share of requests (0..1) answered 500. */
  readonly errorRate?: number;
  /** Share of requests (0..1) answered 429 with `Retry-After: retryAfterSeconds`. */
  readonly rateLimitRate?: number;
  /** The Retry-After of an injected 429 (default 1 s). */
  readonly retryAfterSeconds?: number;
  /** Until this time every request is answered 503 with a Retry-After up to it. */
  readonly downUntil?: Date;
}

/** What the fault injection does with one request. */
export type Fault =
  | { readonly kind: 'pass'; readonly delayMs: number }
  | { readonly kind: 'down'; readonly delayMs: number; readonly retryAfterSeconds: number }
  | { readonly kind: 'error'; readonly delayMs: number }
  | { readonly kind: 'rate-limited'; readonly delayMs: number; readonly retryAfterSeconds: number };

export const DEFAULT_RETRY_AFTER_SECONDS = 1;

/**
 * Decides the fault for one request: downtime first (it is certain), then the rate limit, then
 * errors, each drawn with its own random number in [0, 1) so the two rates stay independent.
 */
export function faultFor(settings: FaultSettings, now: Date, random: () => number = Math.random): Fault {
  const delayMs = settings.latencyMs ?? 0;
  if (settings.downUntil && settings.downUntil.getTime() > now.getTime()) {
    return { kind: 'down', delayMs, retryAfterSeconds: Math.max(1, Math.ceil((settings.downUntil.getTime() - now.getTime()) / 1000)) };
  }
  if ((settings.rateLimitRate ?? 0) > 0 && random() < (settings.rateLimitRate ?? 0)) {
    return { kind: 'rate-limited', delayMs, retryAfterSeconds: settings.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS };
  }
  if ((settings.errorRate ?? 0) > 0 && random() < (settings.errorRate ?? 0)) return { kind: 'error', delayMs };
  return { kind: 'pass', delayMs };
}
