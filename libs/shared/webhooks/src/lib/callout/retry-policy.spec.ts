import { backoffDelayMs } from './retry-policy';

describe('backoffDelayMs', () => {
  const policy = { baseDelayMs: 100, maxDelayMs: 1_000 };

  it('doubles the cap with every retry up to the maximum', () => {
    const almostOne = () => 0.999999;

    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelayMs(attempt, policy, almostOne))).toEqual([99, 199, 399, 799, 999, 999]);
  });

  it('draws the whole range from zero (full jitter)', () => {
    expect(backoffDelayMs(3, policy, () => 0)).toBe(0);
    expect(backoffDelayMs(3, policy, () => 0.5)).toBe(200);
  });
});
