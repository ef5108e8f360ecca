import { comparePositions, type Position } from '@switchboard/event-sourcing';

/**
 * How far `checkpoint` trails `head`, from the prepare parts of the positions. PostgreSQL and
 * in-memory stores number events with one global sequence in `prepare`, so this is a count of
 * events (an estimate: rolled-back appends leave sequence gaps and concurrent writers take sequence
 * numbers out of commit order); for EventStoreDB `prepare` is
 * a log offset, so it is bytes. 0 when caught up; at least 1 whenever the checkpoint is behind.
 */
export function positionLag(head: Position | null, checkpoint: Position | null): number {
  if (head === null) return 0;
  if (checkpoint === null) return Math.max(1, Number(head.prepare));
  if (comparePositions(checkpoint, head) >= 0) return 0;
  return Math.max(1, Number(head.prepare - checkpoint.prepare));
}
