import type { EventStore } from './event-store.port';
import { EventStoreDBEventStore } from './eventstoredb/eventstoredb-event-store';
import { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store';

export type CreateEventStoreOptions = Omit<PostgresEventStoreOptions, 'connectionString' | 'schema'> & {
  /** PostgreSQL only: the schema of the event store tables (default `public`). */
  schema?: string;
};

/**
 * Picks the adapter by the connection string's scheme: `postgres://` or `postgresql://` →
 * PostgreSQL, `esdb://` or `esdb+discover://` → EventStoreDB. Run `migrateEventStore` first
 * for PostgreSQL.
 */
export function createEventStore(connectionString: string, options: CreateEventStoreOptions = {}): EventStore {
  switch (schemeOf(connectionString)) {
    case 'postgres':
    case 'postgresql':
      return new PostgresEventStore({ ...options, connectionString, schema: options.schema ?? 'public' });
    case 'esdb':
    case 'esdb+discover':
      return new EventStoreDBEventStore(connectionString);
    default:
      throw new UnsupportedEventStoreError(schemeOf(connectionString));
  }
}

function schemeOf(connectionString: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):\/\//i.exec(connectionString)?.[1]?.toLowerCase();
}

export class UnsupportedEventStoreError extends Error {
  // Names only the scheme: the rest of a connection string may hold a password.
  constructor(scheme: string | undefined) {
    super(
      `no event store for ${scheme ? `"${scheme}://…"` : 'a connection string without a scheme'}: ` +
        'use postgres://, postgresql://, esdb:// or esdb+discover://',
    );
    this.name = 'UnsupportedEventStoreError';
  }
}
