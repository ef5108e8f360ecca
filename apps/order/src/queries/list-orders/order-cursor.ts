import { opaqueCursor, type CursorOf } from '@switchboard/projections';

/** Where a page ended in the list's order (placed_at DESC, order_id DESC). Opaque to clients. */
export const orderCursor = opaqueCursor({ placedAt: 'timestamp', orderId: 'string' });
export type OrderCursor = CursorOf<typeof orderCursor>;
