import { formatPosition, type Position } from '@switchboard/event-sourcing';

/** A read-your-writes wait ran out: the projection has not reached the position the caller wrote. */
export class ProjectionBehindError extends Error {
  constructor(
    readonly projection: string,
    readonly wanted: Position,
    readonly reached: Position | null,
    readonly waitedMs: number,
  ) {
    super(
      `projection ${projection} is at ${reached ? formatPosition(reached) : 'the start (nothing projected yet)'}, ` +
        `behind requested ${formatPosition(wanted)}; retry`,
    );
    this.name = 'ProjectionBehindError';
  }
}
