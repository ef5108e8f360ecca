export * from './lib/decider';
export * from './lib/domain-error';
export * from './lib/decider-specification';
export * from './lib/value-checks';
