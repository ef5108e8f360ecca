import { IdempotencyKeyReused } from './idempotency.errors';
import { assertRepeatOf } from './repeated-request';

describe('assertRepeatOf', () => {
  it('lets a repeat of the same request through', () => {
    expect(() => assertRepeatOf('key-1', 'hash-a', 'hash-a')).not.toThrow();
  });

  it('refuses another body under the same key, naming the key', () => {
    expect(() => assertRepeatOf('key-1', 'hash-a', 'hash-b')).toThrow(IdempotencyKeyReused);
    expect(() => assertRepeatOf('key-1', 'hash-a', 'hash-b')).toThrow(/key-1/);
  });

  it('counts a record kept before hashes were as a repeat', () => {
    expect(() => assertRepeatOf('key-1', null, 'hash-b')).not.toThrow();
    expect(() => assertRepeatOf('key-1', undefined, 'hash-b')).not.toThrow();
  });
});
