import type { ExpectedRevision } from './event-store.port';

/**
 * The stream was not at the expected revision: another writer got there first. The command
 * handler reloads and decides again. `actual` is the stream's last revision, or 'no_stream'.
 */
export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    readonly actual: bigint | 'no_stream',
  ) {
    super(`stream "${streamName}" was expected at ${String(expected)} but is at ${String(actual)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}
