import type { Position } from '@switchboard/event-sourcing';

/** One relayed domain event and how many of its publishes still await their ack. */
export interface PendingEvent {
  readonly position: Position;
  pending: number;
}

/**
 * The events a relay has read, in read order, and the position up to which every publish was
 * acknowledged: the only position it may checkpoint. Acks arrive out of order (many publishes
 * in flight); an event whose publish failed never settles, so the prefix stops before it.
 */
export class AckedPrefix {
  private entries: PendingEvent[] = [];
  private head = 0;
  private acked: Position | null;

  constructor(start: Position | null) {
    this.acked = start;
  }

  /** The last position with nothing un-acked at or before it (the start when none). */
  get position(): Position | null {
    return this.acked;
  }

  /** Events read whose publishes are not all acked (or that wait behind such an event). */
  get unsettled(): number {
    return this.entries.length - this.head;
  }

  /** Records an event with `publishes` outstanding publishes (0 for a private event). */
  add(position: Position, publishes: number): PendingEvent {
    const entry: PendingEvent = { position, pending: publishes };
    this.entries.push(entry);
    this.advance();
    return entry;
  }

  /** One publish of `entry` was acked. */
  settle(entry: PendingEvent): void {
    entry.pending--;
    this.advance();
  }

  private advance(): void {
    while (this.head < this.entries.length && this.entries[this.head].pending === 0) {
      this.acked = this.entries[this.head].position;
      this.head++;
    }
    // Drop the settled front now and then instead of shifting on every ack.
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }
}
