/**
 * The delay a `Retry-After` header asks for (RFC 9110 §10.2.3): delay-seconds or an HTTP date.
 * Undefined when absent or unreadable; never negative.
 */
export function retryAfterMs(value: string | null | undefined, now: Date = new Date()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // An IMF-fixdate names its day and month; anything else (e.g. "-5") is not one.
  const date = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now.getTime());
}
