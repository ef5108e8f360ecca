import { LRUCache } from 'lru-cache';
import type { KnownStreamState } from '../command-handler';

interface Entry {
  readonly decider: object;
  readonly known: KnownStreamState<unknown>;
}

/**
 * The folded state of the streams this process wrote last (least recently used dropped beyond
 * `capacity`; 0 keeps none), so the next command on one decides without reading it back: a saga's
 * next step on the aggregate it just changed costs an append instead of a read and an append. A
 * copy another writer made stale only costs the read it saved (the append expects the revision,
 * see handleCommand's `known`). Kept per decider, as a stream is only folded by its own. States
 * are shared, not copied: deciders never mutate a state.
 */
export class RecentStreamStates {
  private readonly entries: LRUCache<string, Entry> | undefined;

  constructor(capacity: number) {
    this.entries = capacity > 0 ? new LRUCache<string, Entry>({ max: capacity }) : undefined;
  }

  get<State>(streamName: string, decider: object): KnownStreamState<State> | undefined {
    const entry = this.entries?.get(streamName);
    return entry?.decider === decider ? (entry.known as KnownStreamState<State>) : undefined;
  }

  set<State>(streamName: string, decider: object, known: KnownStreamState<State>): void {
    this.entries?.set(streamName, { decider, known });
  }

  forget(streamName: string): void {
    this.entries?.delete(streamName);
  }

  get size(): number {
    return this.entries?.size ?? 0;
  }
}
