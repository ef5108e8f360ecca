/**
 * What kind of refusal a domain error is, so the HTTP edge can map it without knowing the
 * domain: conflict → 409, invalid → 422, not_found → 404, forbidden → 403.
 */
export type DomainErrorKind = 'conflict' | 'invalid' | 'not_found' | 'forbidden';

/**
 * Base class of every error a decider throws. `code` is stable (clients and tests match on it,
 * never on the message), e.g. `order.already-placed`.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly kind: DomainErrorKind;

  constructor(
    message: string,
    /** Values that explain the refusal (ids, the offending field), safe to show to a client. */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
