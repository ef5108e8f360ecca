/**
 * NAK delay after the `deliveryCount`-th delivery failed: `backoffMs[deliveryCount - 1]`, the
 * last entry repeating once the list runs out; 0 when there is no backoff.
 */
export function retryDelayMs(deliveryCount: number, backoffMs: readonly number[]): number {
  if (backoffMs.length === 0) return 0;
  return backoffMs[Math.min(Math.max(deliveryCount, 1), backoffMs.length) - 1];
}
