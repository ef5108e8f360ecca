import { DomainError } from '@switchboard/decider';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** The key was first used with another request body: 422, so the client sees its mistake. */
export class IdempotencyKeyReused extends DomainError {
  readonly code = 'idempotency.key-reused';
  readonly kind = 'invalid';

  constructor(key: string) {
    super(
      `the ${IDEMPOTENCY_KEY_HEADER} header "${key}" was already used with a different request body: use a new key for a new request`,
      { header: IDEMPOTENCY_KEY_HEADER, key },
    );
  }
}

/** The first request with this key is still running: 409, retry later for its answer. */
export class IdempotencyKeyInProgress extends DomainError {
  readonly code = 'idempotency.key-in-progress';
  readonly kind = 'conflict';

  constructor(key: string) {
    super(
      `a request with the ${IDEMPOTENCY_KEY_HEADER} header "${key}" is still being processed: retry shortly to get its answer`,
      { header: IDEMPOTENCY_KEY_HEADER, key },
    );
  }
}
