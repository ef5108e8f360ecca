import { retryDelayMs } from './retry-backoff';

describe('retryDelayMs', () => {
  const backoff = { baseMs: 500, maxMs: 60_000 };

  it('doubles the delay after each failed attempt', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, backoff))).toEqual([500, 1000, 2000, 4000]);
  });

  it('never waits longer than the cap', () => {
    expect(retryDelayMs(30, backoff)).toBe(60_000);
  });

  it('waits as long as the receiver asks with Retry-After when that is longer, even past the cap', () => {
    expect(retryDelayMs(1, backoff, 3_000)).toBe(3000);
    expect(retryDelayMs(4, backoff, 1_000)).toBe(4000);
    expect(retryDelayMs(1, backoff, 600_000)).toBe(600_000);
  });
});
