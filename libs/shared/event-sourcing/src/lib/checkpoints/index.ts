export * from './processor-checkpoints';
export * from './processor-checkpoints.migration';
export * from './processor-leases';
