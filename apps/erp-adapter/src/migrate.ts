import { validateConfig } from '@switchboard/observability';
import { migrateServiceSchema } from '@switchboard/projections';
import { ErpAdapterConfig } from './config';
import { erpAdapterMigrations } from './migrations';

/** `nx migrate erp-adapter`: creates the service schema if missing and runs its migrations. */
async function main(): Promise<void> {
  process.env['SERVICE_NAME'] ??= 'erp-adapter';
  const config = validateConfig(ErpAdapterConfig, process.env);
  await migrateServiceSchema({ url: config.DATABASE_URL, schema: config.DB_SCHEMA, migrations: erpAdapterMigrations });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
