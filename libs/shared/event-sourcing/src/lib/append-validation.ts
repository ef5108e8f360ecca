import type { EventToAppend } from './event-store.port';

/** Rejects appends every adapter would mishandle differently: no events, no stream name. */
export function assertAppendable(streamName: string, events: readonly EventToAppend[]): void {
  if (streamName.length === 0) throw new TypeError('cannot append to a stream with an empty name');
  if (events.length === 0) throw new TypeError(`nothing to append to "${streamName}": pass at least one event`);
}
