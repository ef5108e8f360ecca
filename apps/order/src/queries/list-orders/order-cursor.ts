import { RequestValidationException } from '@switchboard/observability';

/** Where a page ended in the list's order (placed_at DESC, order_id DESC). Opaque to clients. */
export interface OrderCursor {
  readonly placedAt: string;
  readonly orderId: string;
}

export function encodeOrderCursor(cursor: OrderCursor): string {
  return Buffer.from(JSON.stringify([cursor.placedAt, cursor.orderId])).toString('base64url');
}

/** A cursor this service did not hand out is a 400 naming `cursor`. */
export function decodeOrderCursor(text: string): OrderCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string' && !Number.isNaN(Date.parse(value[0]))) {
      return { placedAt: value[0], orderId: value[1] };
    }
  } catch {
    // falls through to the 400 below
  }
  throw new RequestValidationException([{ field: 'cursor', message: 'cursor must be a nextCursor value from an earlier page' }]);
}
