import { validateConfig, type ServiceConfig } from '@switchboard/observability';
import { DataSource } from 'typeorm';
import { readModelDataSourceOptions, type ReadModelDataSourceOptions } from '../lib/data-source/read-model-data-source';
import type { ProjectedEvent, Projection } from '../lib/projection';
import { rebuildProjectionCli } from './rebuild-projection.cli';

export interface RunRebuildProjectionOptions {
  /** The service (default SERVICE_NAME, hence default DB_SCHEMA). */
  service: string;
  configClass: new () => ServiceConfig;
  entities: NonNullable<ReadModelDataSourceOptions['entities']>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a service's projections have different row and event types
  projections: readonly Projection<any, ProjectedEvent>[];
}

/**
 * A service's `rebuild-projection.ts` entry (`npx nx run <service>:rebuild-projection --name=x`):
 * validates the service's configuration, opens its read-model DataSource, empties the named
 * projections' tables and resets their checkpoints in one transaction; the running service then
 * replays them.
 */
export async function runRebuildProjection(options: RunRebuildProjectionOptions): Promise<void> {
  process.env['SERVICE_NAME'] ??= options.service;
  try {
    const config = validateConfig(options.configClass, process.env);
    const dataSource = await new DataSource(
      readModelDataSourceOptions({
        url: config.DATABASE_URL,
        schema: config.DB_SCHEMA,
        entities: options.entities,
        poolSize: 1,
      }),
    ).initialize();
    try {
      process.exitCode = await rebuildProjectionCli(process.argv.slice(2), {
        dataSource,
        projections: options.projections,
      });
    } finally {
      await dataSource.destroy();
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
