import { RequestValidationException } from '@switchboard/observability';
import { decodeOrderCursor, encodeOrderCursor } from './order-cursor';

describe('order cursor', () => {
  it('decodes what it encoded', () => {
    const cursor = { placedAt: '2025-04-01T08:00:00.000Z', orderId: 'o-1' };

    expect(decodeOrderCursor(encodeOrderCursor(cursor))).toEqual(cursor);
  });

  it.each(['not-a-cursor', Buffer.from('["yesterday","o-1"]').toString('base64url'), Buffer.from('{}').toString('base64url')])(
    'refuses %s as a 400 naming the cursor',
    (text) => {
      expect(() => decodeOrderCursor(text)).toThrow(RequestValidationException);
    },
  );
});
