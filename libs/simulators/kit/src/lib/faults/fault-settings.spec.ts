import { faultFor } from './fault-settings';

const now = new Date('2026-01-10T10:00:00.000Z');

describe('faultFor', () => {
  it('lets every request through when no fault is set', () => {
    expect(faultFor({}, now, () => 0)).toEqual({ kind: 'pass', delayMs: 0 });
  });

  it('adds the latency to whatever it answers', () => {
    expect(faultFor({ latencyMs: 150 }, now)).toEqual({ kind: 'pass', delayMs: 150 });
    expect(faultFor({ latencyMs: 150, errorRate: 1 }, now)).toEqual({ kind: 'error', delayMs: 150 });
  });

  it('answers 503 until downUntil, with a Retry-After rounded up to whole seconds', () => {
    const downUntil = new Date(now.getTime() + 2_500);

    expect(faultFor({ downUntil }, now)).toEqual({ kind: 'down', delayMs: 0, retryAfterSeconds: 3 });
    expect(faultFor({ downUntil }, new Date(downUntil.getTime() + 1))).toEqual({ kind: 'pass', delayMs: 0 });
  });

  it('rate-limits the given share of requests with the configured Retry-After', () => {
    expect(faultFor({ rateLimitRate: 0.3, retryAfterSeconds: 4 }, now, () => 0.29)).toEqual({ kind: 'rate-limited', delayMs: 0, retryAfterSeconds: 4 });
    expect(faultFor({ rateLimitRate: 0.3 }, now, () => 0.3)).toEqual({ kind: 'pass', delayMs: 0 });
    expect(faultFor({ rateLimitRate: 1 }, now)).toMatchObject({ kind: 'rate-limited', retryAfterSeconds: 1 });
  });

  it('fails the given share of requests with an error, drawn apart from the rate limit', () => {
    const draws = [0.9, 0.1];
    expect(faultFor({ rateLimitRate: 0.5, errorRate: 0.5 }, now, () => draws.shift()!)).toEqual({ kind: 'error', delayMs: 0 });
    expect(faultFor({ errorRate: 0.5 }, now, () => 0.5)).toEqual({ kind: 'pass', delayMs: 0 });
  });
});
