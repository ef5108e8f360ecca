import { createHash } from 'node:crypto';

/**
 * A UUID (version 5 layout: SHA-1 of namespace and name) derived from an idempotency key, so a
 * create endpoint gives the new aggregate the same id on every retry of the same request: a retry
 * after a crash between "events appended" and "answer stored" lands on the same stream, where the
 * decider refuses or ignores a second creation instead of creating a twin.
 * `namespace` separates endpoints (`order`, `customer`), so one key used on two endpoints gives two ids.
 */
export function idFromIdempotencyKey(namespace: string, key: string): string {
  const bytes = createHash('sha1')
    .update(`switchboard:${namespace}`)
    .update('\u0000')
    .update(key)
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
