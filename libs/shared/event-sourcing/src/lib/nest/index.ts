export * from './event-sourcing.options';
export * from './event-sourcing.module';
export * from './command-executor';
