export * from './postgres.fixture';
export * from './nats.fixture';
export * from './wait-for';
export * from './json-http';
export * from './service-process';
export * from './quiet-logger';
export * from './pg-query-count';
export * from './prometheus-metrics';
