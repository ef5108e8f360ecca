import { formatPosition, type Position } from '@switchboard/event-sourcing';

/** The stored checkpoint went back behind the runner (a rebuild reset it): the runner resubscribes from it. */
export class CheckpointResetError extends Error {
  constructor(
    readonly projection: string,
    readonly runnerAt: Position,
    readonly stored: Position | null,
  ) {
    super(
      `projection ${projection}: checkpoint moved back from ${formatPosition(runnerAt)} to ${
        stored ? formatPosition(stored) : 'the start'
      }; replaying from there`,
    );
    this.name = 'CheckpointResetError';
  }
}
