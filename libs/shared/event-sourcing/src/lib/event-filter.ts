import type { EventFilter, RecordedEvent } from './event-store.port';

/** The filter semantics every adapter shares: all given conditions must hold. */
export function matchesFilter(event: Pick<RecordedEvent, 'type' | 'streamName'>, filter: EventFilter): boolean {
  if (filter.eventTypes && !filter.eventTypes.includes(event.type)) return false;
  if (filter.streamPrefixes && !filter.streamPrefixes.some((prefix) => event.streamName.startsWith(prefix))) return false;
  return true;
}
