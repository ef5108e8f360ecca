export * from './processor-checkpoints';
export * from './processor-checkpoints.migration';
