import { RequestValidationException } from '@switchboard/observability';
import { opaqueCursor, type CursorOf } from './opaque-cursor';

const orderCursor = opaqueCursor({ placedAt: 'timestamp', orderId: 'string' });
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('opaque cursor', () => {
  it('decodes what it encoded', () => {
    const cursor: CursorOf<typeof orderCursor> = { placedAt: '2025-04-01T08:00:00.000Z', orderId: 'o-1' };

    expect(orderCursor.decode(orderCursor.encode(cursor))).toEqual(cursor);
  });

  it('encodes the keys in the order they were declared, as base64url JSON', () => {
    expect(orderCursor.encode({ orderId: 'o-1', placedAt: '2025-04-01T08:00:00.000Z' })).toBe(base64url(['2025-04-01T08:00:00.000Z', 'o-1']));
  });

  it.each([
    ['text that is not base64url JSON', 'not-a-cursor'],
    ['a timestamp key that is no time', base64url(['yesterday', 'o-1'])],
    ['a JSON object', base64url({})],
    ['too few keys', base64url(['2025-04-01T08:00:00.000Z'])],
    ['too many keys', base64url(['2025-04-01T08:00:00.000Z', 'o-1', 'x'])],
    ['a key that is not a string', base64url(['2025-04-01T08:00:00.000Z', 7])],
  ])('refuses %s as a 400 naming the cursor', (_what, text) => {
    let thrown: unknown;
    try {
      orderCursor.decode(text);
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(RequestValidationException);
    expect((thrown as RequestValidationException).getStatus()).toBe(400);
    expect((thrown as RequestValidationException).errors).toEqual([{ field: 'cursor', message: 'cursor must be a nextCursor value from an earlier page' }]);
  });
});
