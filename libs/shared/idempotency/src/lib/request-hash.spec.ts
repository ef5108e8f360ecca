import { canonicalJson, requestHash } from './request-hash';

describe('requestHash', () => {
  it('is the same for the same body with its fields in another order', () => {
    expect(requestHash({ a: 1, b: { c: [1, { e: 2, d: 3 }] } })).toBe(
      requestHash({ b: { c: [1, { d: 3, e: 2 }] }, a: 1 }),
    );
  });

  it('differs when a value differs, including inside lists', () => {
    expect(requestHash({ lines: [{ sku: 'A', quantity: 1 }] })).not.toBe(
      requestHash({ lines: [{ sku: 'A', quantity: 2 }] }),
    );
  });

  it('treats a missing body like null and ignores undefined fields', () => {
    expect(requestHash(undefined)).toBe(requestHash(null));
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });
});
