import { validateConfig } from '@switchboard/observability';
import { CalloutServiceConfig } from './callout.config';
import { calloutSettings } from './callout-settings';
import { DEFAULT_CIRCUIT_BREAKER } from './circuit-breaker';
import { DEFAULT_RETRY_POLICY } from './retry-policy';

class AdapterConfig extends CalloutServiceConfig {}

describe('calloutSettings', () => {
  it('turns the configuration into the timeout, retry budget and circuit breaker of a callout client', () => {
    const settings = calloutSettings({
      CALLOUT_TIMEOUT_MS: 2_000,
      CALLOUT_MAX_ATTEMPTS: 3,
      CALLOUT_MAX_ELAPSED_MS: 1_500,
      CALLOUT_BREAKER_FAILURES: 2,
      CALLOUT_BREAKER_OPEN_MS: 250,
    });

    // Exactly these: the backoff delays stay the client's own.
    expect(settings).toEqual({
      timeoutMs: 2_000,
      retry: { maxAttempts: 3, maxElapsedMs: 1_500 },
      circuitBreaker: { failureThreshold: 2, coolDownMs: 250 },
    });
  });

  it('gives an unconfigured service the callout client defaults', () => {
    const config = validateConfig(AdapterConfig, {
      SERVICE_NAME: 'some-adapter',
      DATABASE_URL: 'postgres://u:p@db:5432/switchboard',
      NATS_URL: 'nats://nats:4222',
    });

    expect(calloutSettings(config)).toEqual({
      timeoutMs: 5_000,
      retry: {
        maxAttempts: DEFAULT_RETRY_POLICY.maxAttempts,
        maxElapsedMs: DEFAULT_RETRY_POLICY.maxElapsedMs,
      },
      circuitBreaker: DEFAULT_CIRCUIT_BREAKER,
    });
  });
});
