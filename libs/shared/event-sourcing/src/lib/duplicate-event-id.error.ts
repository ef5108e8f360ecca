/**
 * An event id that is already stored was appended in a different write. (Re-sending the same
 * batch at the same expected revision is not this: that retry is answered with the original
 * result.) PostgreSQL and in-memory stores reject it; EventStoreDB does not check ids across streams.
 */
export class DuplicateEventIdError extends Error {
  constructor(readonly eventIds: readonly string[]) {
    super(`event id(s) already stored: ${eventIds.join(', ')}`);
    this.name = 'DuplicateEventIdError';
  }
}
