import { validateConfig } from '@switchboard/observability';
import { migrateServiceSchema } from '@switchboard/projections';
import { OrderConfig } from './config';
import { orderMigrations } from './migrations';

/** `nx migrate order`: creates the service schema if missing and runs its migrations. */
async function main(): Promise<void> {
  process.env['SERVICE_NAME'] ??= 'order';
  const config = validateConfig(OrderConfig, process.env);
  await migrateServiceSchema({ url: config.DATABASE_URL, schema: config.DB_SCHEMA, migrations: orderMigrations });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
