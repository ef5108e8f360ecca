export * from './whole-system';
export * from './journey';
