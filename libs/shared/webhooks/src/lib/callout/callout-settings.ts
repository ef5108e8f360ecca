import type { CalloutClientOptions } from './callout-client';
import type { CalloutServiceConfig } from './callout.config';

/** The configuration a service's callout settings come from (its CalloutServiceConfig). */
export type CalloutSettingsSource = Pick<
  CalloutServiceConfig,
  | 'CALLOUT_TIMEOUT_MS'
  | 'CALLOUT_MAX_ATTEMPTS'
  | 'CALLOUT_MAX_ELAPSED_MS'
  | 'CALLOUT_BREAKER_FAILURES'
  | 'CALLOUT_BREAKER_OPEN_MS'
>;

export type CalloutSettings = Required<Pick<CalloutClientOptions, 'timeoutMs' | 'retry' | 'circuitBreaker'>>;

/**
 * The timeout, retry budget and circuit breaker every CalloutClient of a service shares, from its
 * configuration: spread into the client's options. Backoff delays keep the client's defaults.
 */
export function calloutSettings(config: CalloutSettingsSource): CalloutSettings {
  return {
    timeoutMs: config.CALLOUT_TIMEOUT_MS,
    retry: { maxAttempts: config.CALLOUT_MAX_ATTEMPTS, maxElapsedMs: config.CALLOUT_MAX_ELAPSED_MS },
    circuitBreaker: {
      failureThreshold: config.CALLOUT_BREAKER_FAILURES,
      coolDownMs: config.CALLOUT_BREAKER_OPEN_MS,
    },
  };
}
