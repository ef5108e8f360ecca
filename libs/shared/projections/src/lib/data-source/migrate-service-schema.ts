import { quoteIdentifier } from '@switchboard/event-sourcing';
import { DataSource } from 'typeorm';
import type { LoggerLike } from '../logger-like';
import { readModelDataSourceOptions, type ReadModelDataSourceOptions } from './read-model-data-source';

/**
 * A service's `migrate` target: creates its schema if missing and runs its one migration list
 * (the libs' exported migrations + its own read-model migrations) there, under an advisory lock so
 * replicas starting together never run a migration twice. Returns the names of the migrations run.
 */
export async function migrateServiceSchema(
  options: Omit<ReadModelDataSourceOptions, 'poolSize'>,
  logger: LoggerLike = console,
): Promise<string[]> {
  // One connection, so the session lock covers every statement of the run.
  const dataSource = new DataSource(readModelDataSourceOptions({ ...options, poolSize: 1 }));
  await dataSource.initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock(hashtext($1))', [`switchboard-migrations:${options.schema}`]);
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(options.schema)}`);
    const ran = await dataSource.runMigrations();
    const names = ran.map((migration) => migration.name);
    logger.log(names.length > 0 ? `schema ${options.schema}: ran ${names.join(', ')}` : `schema ${options.schema}: up to date`);
    return names;
  } finally {
    await dataSource.destroy();
  }
}
