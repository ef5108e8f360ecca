import { retryAfterMs } from './retry-after';

describe('retryAfterMs', () => {
  const now = new Date('2026-01-10T12:00:00Z');

  it('reads delay-seconds', () => {
    expect(retryAfterMs('3', now)).toBe(3_000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date as the time left until it, and a past date as no wait', () => {
    expect(retryAfterMs('Sat, 10 Jan 2026 12:00:05 GMT', now)).toBe(5_000);
    expect(retryAfterMs('Sat, 10 Jan 2026 11:59:00 GMT', now)).toBe(0);
  });

  it('ignores an absent or unreadable header', () => {
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs('-5', now)).toBeUndefined();
  });
});
