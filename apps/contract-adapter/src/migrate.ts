import { validateConfig } from '@switchboard/observability';
import { migrateServiceSchema } from '@switchboard/projections';
import { ContractAdapterConfig } from './config';
import { contractAdapterMigrations } from './migrations';

/** `nx migrate contract-adapter`: creates the service schema if missing and runs its migrations. */
async function main(): Promise<void> {
  process.env['SERVICE_NAME'] ??= 'contract-adapter';
  const config = validateConfig(ContractAdapterConfig, process.env);
  await migrateServiceSchema({ url: config.DATABASE_URL, schema: config.DB_SCHEMA, migrations: contractAdapterMigrations });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
