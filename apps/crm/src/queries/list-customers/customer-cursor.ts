import { opaqueCursor, type CursorOf } from '@switchboard/projections';

/** Where a page ended in the list's order (registered_at DESC, customer_id DESC). Opaque to clients. */
export const customerCursor = opaqueCursor({ registeredAt: 'timestamp', customerId: 'string' });
export type CustomerCursor = CursorOf<typeof customerCursor>;
