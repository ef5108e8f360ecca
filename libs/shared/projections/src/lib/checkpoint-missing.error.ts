/**
 * The projection has no checkpoint but its read model holds rows: the checkpoint was lost (or
 * kept somewhere this runner does not look). Replaying from the start would apply every event a
 * second time onto those rows, so the runner refuses until the projection is rebuilt.
 */
export class CheckpointMissingError extends Error {
  constructor(readonly projection: string) {
    super(
      `projection ${projection}: no checkpoint, but its read model holds rows; replaying would apply ` +
        `events twice, so it waits for a rebuild (npx nx run <service>:rebuild-projection --name=${projection})`,
    );
    this.name = 'CheckpointMissingError';
  }
}
