import { validateConfig } from '@switchboard/observability';
import { migrateServiceSchema } from '@switchboard/projections';
import { ClmSimulatorConfig } from './config';
import { clmSimulatorMigrations } from './migrations';

/** `nx migrate clm-simulator`: creates the schema if missing and runs its migrations. */
async function main(): Promise<void> {
  process.env['SERVICE_NAME'] ??= 'clm-simulator';
  const config = validateConfig(ClmSimulatorConfig, process.env);
  await migrateServiceSchema({ url: config.DATABASE_URL, schema: config.DB_SCHEMA, migrations: clmSimulatorMigrations });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
