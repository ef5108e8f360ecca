import { quoteIdentifier } from '@switchboard/event-sourcing';
import type { DataSourceOptions, EntitySchema, MixedList } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';

export interface ReadModelDataSourceOptions {
  /** DATABASE_URL. */
  url: string;
  /** The service schema (DB_SCHEMA): read models, checkpoints, inbox and idempotency keys live there. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own entity list type
  entities?: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own migration list type
  migrations?: MixedList<Function | string>;
  /** Pool size (default 10). */
  poolSize?: number;
}

/**
 * The TypeORM options of a service's PostgreSQL schema, for TypeOrmModule.forRootAsync and the
 * migration runner alike: the schema on the search_path (the libs' migrations and raw SQL use
 * unqualified names), entities in that schema, never `synchronize` (migrations only).
 */
export function readModelDataSourceOptions(options: ReadModelDataSourceOptions): PostgresConnectionOptions & DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities ?? [],
    migrations: options.migrations ?? [],
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    poolSize: options.poolSize ?? 10,
    extra: { options: `-c search_path=${quoteIdentifier(options.schema)}` },
  };
}
