export interface CalloutErrorDetails {
  /** `<origin> <route>`: the endpoint (and circuit) the call went to. */
  readonly endpoint: string;
  /** The last answer's status; undefined after a network error, a timeout or an open circuit. */
  readonly status?: number;
  /** The last answer's body (parsed JSON or text), e.g. an ERP's reason for rejecting an order. */
  readonly body?: unknown;
  /** Attempts actually sent (0 when the circuit refused the call). */
  readonly attempts: number;
  /** Worth trying again later (network error, timeout, 5xx, 429, open circuit); false for other 4xx. */
  readonly retryable: boolean;
  /** The circuit of the endpoint was open: no request went out. */
  readonly circuitOpen: boolean;
  /** When the endpoint (Retry-After) or the circuit (cool-down) says a retry makes sense. */
  readonly retryAfterMs?: number;
  readonly cause?: unknown;
}

/**
 * A callout that did not succeed within its attempts and time. A consumer throws it on: a
 * retryable one is NAKed with JetStream's backoff and dead-lettered after maxDeliver, so nothing
 * is dropped; a non-retryable one is a refusal the adapter records (e.g. 422 from the ERP).
 */
export class CalloutError extends Error implements CalloutErrorDetails {
  readonly endpoint: string;
  readonly status?: number;
  readonly body?: unknown;
  readonly attempts: number;
  readonly retryable: boolean;
  readonly circuitOpen: boolean;
  readonly retryAfterMs?: number;

  constructor(message: string, details: CalloutErrorDetails) {
    super(message, { cause: details.cause });
    this.name = 'CalloutError';
    this.endpoint = details.endpoint;
    this.status = details.status;
    this.body = details.body;
    this.attempts = details.attempts;
    this.retryable = details.retryable;
    this.circuitOpen = details.circuitOpen;
    this.retryAfterMs = details.retryAfterMs;
  }
}

export function isCalloutError(error: unknown): error is CalloutError {
  return error instanceof CalloutError;
}
