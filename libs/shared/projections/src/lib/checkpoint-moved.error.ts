/**
 * Another writer (a second replica of the projection, or a rebuild) moved the checkpoint while
 * this runner's transaction projected a batch: the batch was rolled back and the runner resumes
 * from the stored checkpoint.
 */
export class CheckpointMovedError extends Error {
  constructor(readonly projection: string) {
    super(`projection ${projection}: another writer moved the checkpoint meanwhile; resuming from it`);
    this.name = 'CheckpointMovedError';
  }
}
