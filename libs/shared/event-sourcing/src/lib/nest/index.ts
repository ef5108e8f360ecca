export * from './event-sourcing.options';
export * from './event-sourcing.module';
export * from './command-executor';
export * from './command-accepted.response';
