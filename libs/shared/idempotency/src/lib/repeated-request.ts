import { IdempotencyKeyReused } from './idempotency.errors';

/**
 * For a route that keeps its Idempotency-Key itself (@KeepsIdempotencyKey): the key already
 * created something, stored with the hash of the request that created it. A repeat of that request
 * is answered as the first time; another body under the same key is IdempotencyKeyReused (422).
 * A record without a hash (kept before hashes were) cannot tell the two apart and counts as a repeat.
 */
export function assertRepeatOf(key: string, storedHash: string | null | undefined, requestHash: string): void {
  if (storedHash != null && storedHash !== requestHash) throw new IdempotencyKeyReused(key);
}
