// Test-only helpers: import from '@switchboard/simulator-kit/testing' in specs, never in production code.
export * from './lib/testing/start-simulator-for-test';
export * from './lib/testing/webhook-receiver';
