import { ServiceConfig } from '@switchboard/observability';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { DEFAULT_CIRCUIT_BREAKER } from './circuit-breaker';
import { DEFAULT_RETRY_POLICY } from './retry-policy';

const MILLISECONDS = { message: '$property must be a positive integer number of milliseconds' };
const ATTEMPTS = { message: '$property must be an integer from 1 to 20' };
const FAILURES = { message: '$property must be an integer of at least 1' };

/**
 * ServiceConfig plus the budget of every outbound callout (timeout, retries, circuit breaker), so
 * the adapters read the same variables with the same defaults and checks. The defaults are the
 * CalloutClient's own; `calloutSettings` turns them into its options.
 */
export abstract class CalloutServiceConfig extends ServiceConfig {
  /** One attempt's limit, connecting and reading the body included. */
  @Type(() => Number)
  @IsInt(MILLISECONDS)
  @Min(1, MILLISECONDS)
  CALLOUT_TIMEOUT_MS = 5_000;

  /** Attempts of one callout, the first included, before the message goes back to JetStream's backoff. */
  @Type(() => Number)
  @IsInt(ATTEMPTS)
  @Min(1, ATTEMPTS)
  @Max(20, ATTEMPTS)
  CALLOUT_MAX_ATTEMPTS = DEFAULT_RETRY_POLICY.maxAttempts;

  /**
   * A callout's whole budget, retries and Retry-After waits included. Beyond it the message goes
   * back to JetStream, whose backoff takes over (and finally the DLQ): a consumer never blocks for long.
   */
  @Type(() => Number)
  @IsInt(MILLISECONDS)
  @Min(1, MILLISECONDS)
  @Max(600_000, { message: '$property must be at most 600000 ms' })
  CALLOUT_MAX_ELAPSED_MS = DEFAULT_RETRY_POLICY.maxElapsedMs;

  /** Consecutive failed attempts (network, timeout, 408, 5xx) on one endpoint that open its circuit. */
  @Type(() => Number)
  @IsInt(FAILURES)
  @Min(1, FAILURES)
  CALLOUT_BREAKER_FAILURES = DEFAULT_CIRCUIT_BREAKER.failureThreshold;

  /** How long an open circuit refuses calls before it lets one trial call through. */
  @Type(() => Number)
  @IsInt(MILLISECONDS)
  @Min(1, MILLISECONDS)
  CALLOUT_BREAKER_OPEN_MS = DEFAULT_CIRCUIT_BREAKER.coolDownMs;
}
