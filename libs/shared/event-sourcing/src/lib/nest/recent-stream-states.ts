import type { KnownStreamState } from '../command-handler';

/**
 * The folded state of the streams this process wrote last (least recently used dropped beyond
 * `capacity`), so the next command on one decides without reading it back: a saga's next step on
 * the aggregate it just changed costs an append instead of a read and an append. A copy another
 * writer made stale only costs the read it saved (the append expects the revision, see
 * handleCommand's `known`). Kept per decider, as a stream is only folded by its own. States are
 * shared, not copied: deciders never mutate a state.
 */
export class RecentStreamStates {
  private readonly entries = new Map<string, { decider: object; known: KnownStreamState<unknown> }>();

  constructor(private readonly capacity: number) {}

  get<State>(streamName: string, decider: object): KnownStreamState<State> | undefined {
    const entry = this.entries.get(streamName);
    if (!entry || entry.decider !== decider) return undefined;
    // Most recently used last: Map keeps insertion order.
    this.entries.delete(streamName);
    this.entries.set(streamName, entry);
    return entry.known as KnownStreamState<State>;
  }

  set<State>(streamName: string, decider: object, known: KnownStreamState<State>): void {
    if (this.capacity <= 0) return;
    this.entries.delete(streamName);
    this.entries.set(streamName, { decider, known });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  forget(streamName: string): void {
    this.entries.delete(streamName);
  }

  get size(): number {
    return this.entries.size;
  }
}
