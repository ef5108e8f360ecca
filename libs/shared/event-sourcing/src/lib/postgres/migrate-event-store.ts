import { DataSource } from 'typeorm';
import { checkpointMigrations } from '../checkpoints/processor-checkpoints.migration';
import { CreateEventStore1735689600000 } from './migrations/1735689600000-create-event-store';

/** The event store's TypeORM migrations, in order: merge them into a service's DataSource. */
export const eventStoreMigrations = [CreateEventStore1735689600000];

/** Where `migrateEventStore` records which migrations ran. */
export const EVENT_STORE_MIGRATIONS_TABLE = 'event_store_migrations';

/**
 * Creates the schema if needed and runs the event store's pending migrations in it, with the
 * processor checkpoints beside it (the relay and reactors checkpoint next to the events they
 * read). Safe to call on every start and from parallel processes.
 */
export async function migrateEventStore(connectionString: string, schema: string): Promise<void> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: connectionString,
    schema,
    migrations: [...eventStoreMigrations, ...checkpointMigrations],
    migrationsTableName: EVENT_STORE_MIGRATIONS_TABLE,
    migrationsTransactionMode: 'all',
    // Unqualified table names in the migrations resolve to this schema.
    extra: { max: 1, options: `-c search_path=${quoteIdentifier(schema)}` },
  });
  await dataSource.initialize();
  try {
    // TypeORM takes no lock of its own: a session lock on the one connection (max: 1) keeps
    // two processes starting together from running the same migration twice.
    await dataSource.query(`SELECT pg_advisory_lock(hashtext($1))`, [`${EVENT_STORE_MIGRATIONS_TABLE}:${schema}`]);
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
