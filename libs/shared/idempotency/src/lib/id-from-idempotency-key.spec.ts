import { idFromIdempotencyKey } from './id-from-idempotency-key';

describe('idFromIdempotencyKey', () => {
  it('derives the same version-5 UUID from the same namespace and key', () => {
    const id = idFromIdempotencyKey('order', 'key-1');

    expect(id).toBe(idFromIdempotencyKey('order', 'key-1'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('derives different ids for another key or another namespace', () => {
    const id = idFromIdempotencyKey('order', 'key-1');

    expect(idFromIdempotencyKey('order', 'key-2')).not.toBe(id);
    expect(idFromIdempotencyKey('customer', 'key-1')).not.toBe(id);
  });
});
