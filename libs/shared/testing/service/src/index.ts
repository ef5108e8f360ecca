export * from './start-service-for-test';
export * from './integration-event.fixture';
