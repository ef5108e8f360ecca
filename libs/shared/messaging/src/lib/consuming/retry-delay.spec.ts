import { retryDelayMs } from './retry-delay';

describe('retryDelayMs', () => {
  it('backs off by delivery count and repeats the last step', () => {
    const backoff = [100, 200, 400];
    expect([1, 2, 3, 4, 9].map((count) => retryDelayMs(count, backoff))).toEqual([100, 200, 400, 400, 400]);
  });

  it('retries at once without a backoff', () => {
    expect(retryDelayMs(3, [])).toBe(0);
  });
});
