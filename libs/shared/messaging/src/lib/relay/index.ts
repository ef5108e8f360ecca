export * from './integration-event-mapper';
export * from './to-integration-events';
export * from './integration-event-relay';
export * from './integration-event-relay.lifecycle';
