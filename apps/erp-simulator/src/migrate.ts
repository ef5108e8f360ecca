import { validateConfig } from '@switchboard/observability';
import { migrateServiceSchema } from '@switchboard/projections';
import { ErpSimulatorConfig } from './config';
import { erpSimulatorMigrations } from './migrations';

/** `nx migrate erp-simulator`: creates the schema if missing and runs its migrations. */
async function main(): Promise<void> {
  process.env['SERVICE_NAME'] ??= 'erp-simulator';
  const config = validateConfig(ErpSimulatorConfig, process.env);
  await migrateServiceSchema({ url: config.DATABASE_URL, schema: config.DB_SCHEMA, migrations: erpSimulatorMigrations });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
