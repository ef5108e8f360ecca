export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit (default 5). */
  readonly failureThreshold: number;
  /** How long it stays open before one trial call is let through (default 10 s). */
  readonly coolDownMs: number;
}

export const DEFAULT_CIRCUIT_BREAKER: CircuitBreakerOptions = { failureThreshold: 5, coolDownMs: 10_000 };

/** Whether a call may go out now; when not, how long until the circuit lets a trial through. */
export type CircuitPermit = { readonly allowed: true } | { readonly allowed: false; readonly retryInMs: number };

/**
 * One endpoint's circuit: closed → open after `failureThreshold` consecutive failures → half-open
 * after `coolDownMs` (exactly one trial call at a time) → closed on its success, open again on
 * its failure. Calls refused while open fail fast instead of piling onto a struggling endpoint.
 */
export class CircuitBreaker {
  private current: CircuitState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private trialInFlight = false;

  constructor(
    private readonly options: CircuitBreakerOptions = DEFAULT_CIRCUIT_BREAKER,
    private readonly onStateChange: (state: CircuitState) => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): CircuitState {
    return this.current;
  }

  /** Asks to make one call; a granted call must be followed by `succeeded()` or `failed()`. */
  permit(): CircuitPermit {
    if (this.current === 'open') {
      const retryInMs = this.openedAt + this.options.coolDownMs - this.now();
      if (retryInMs > 0) return { allowed: false, retryInMs };
      this.transition('half-open');
    }
    if (this.current === 'half-open') {
      if (this.trialInFlight) return { allowed: false, retryInMs: this.options.coolDownMs };
      this.trialInFlight = true;
    }
    return { allowed: true };
  }

  succeeded(): void {
    this.failures = 0;
    this.trialInFlight = false;
    if (this.current !== 'closed') this.transition('closed');
  }

  failed(): void {
    this.trialInFlight = false;
    this.failures++;
    if (this.current === 'half-open' || (this.current === 'closed' && this.failures >= this.options.failureThreshold)) {
      this.openedAt = this.now();
      this.transition('open');
    }
  }

  /** A granted call that ended with neither verdict (e.g. a 429: the endpoint is up but busy). */
  released(): void {
    this.trialInFlight = false;
  }

  private transition(state: CircuitState): void {
    this.current = state;
    this.onStateChange(state);
  }
}
