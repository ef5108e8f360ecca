// Test-only helpers: import from '@switchboard/event-sourcing/testing' in specs, never in production code.
export * from './lib/in-memory/in-memory-event-store';
