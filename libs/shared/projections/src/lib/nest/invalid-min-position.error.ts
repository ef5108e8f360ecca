/** `?minPosition=` is not a position: the client sent something other than a command's answer. */
export class InvalidMinPositionError extends Error {
  readonly field = 'minPosition';

  constructor(readonly input: unknown) {
    super(`minPosition must be a position "<commit>.<prepare>" as a command returned it, e.g. "7341.12"; got ${JSON.stringify(input)}`);
    this.name = 'InvalidMinPositionError';
  }
}
