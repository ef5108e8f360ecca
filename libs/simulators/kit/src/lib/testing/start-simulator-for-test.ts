import type { INestApplication } from '@nestjs/common';
import { bootstrapService, type BootstrapOptions } from '@switchboard/observability';
import { migrateServiceSchema, type ReadModelDataSourceOptions } from '@switchboard/projections';
import { createTestSchema, quietLogger, TEST_DATABASE_URL, type TestSchema } from '@switchboard/testing';
import type { AddressInfo } from 'node:net';
import type { SimulatorConfig } from '../config/simulator.config';

export interface SimulatorForTestOptions<C extends SimulatorConfig> {
  /** `erp-simulator`: the bootstrap's name; the test schema's prefix is derived from it. */
  readonly name: string;
  readonly module: BootstrapOptions<C>['module'];
  readonly configClass: new () => C;
  readonly migrations: NonNullable<ReadModelDataSourceOptions['migrations']>;
  /** More environment (WEBHOOK_URLS, WEBHOOK_RETRY_BASE_MS…), set beside DATABASE_URL and DB_SCHEMA. */
  readonly env?: Readonly<Record<string, string>>;
}

/** A simulator booted in this process through its real bootstrap, on a throwaway schema. */
export interface SimulatorForTest {
  readonly app: INestApplication;
  /** `http://127.0.0.1:<port>` */
  readonly base: string;
  /** `http://127.0.0.1:<port>/api/v1` */
  readonly api: string;
  readonly schema: TestSchema;
  /** Closes the app and boots it again on the same schema (a new port), as after a crash or deploy. */
  restart(): Promise<SimulatorForTest>;
  /** Closes the app and drops the schema. */
  close(): Promise<void>;
}

/**
 * Boots a simulator as its main.ts does (bootstrapService, no NATS) on port 0 after running its
 * migrations on a fresh schema, so test files run in parallel and twice. Logs at `error` unless
 * `<NAME>_TEST_LOG_LEVEL` (e.g. `ERP_SIMULATOR_TEST_LOG_LEVEL`) says otherwise.
 */
export async function startSimulatorForTest<C extends SimulatorConfig>(options: SimulatorForTestOptions<C>): Promise<SimulatorForTest> {
  const schema = await createTestSchema(options.name.replace(/-/g, '_'));
  await migrateServiceSchema({ url: TEST_DATABASE_URL, schema: schema.schema, migrations: options.migrations }, quietLogger);
  return boot(options, schema);
}

async function boot<C extends SimulatorConfig>(options: SimulatorForTestOptions<C>, schema: TestSchema): Promise<SimulatorForTest> {
  const { name, module, configClass } = options;
  Object.assign(process.env, {
    DATABASE_URL: TEST_DATABASE_URL,
    DB_SCHEMA: schema.schema,
    LOG_LEVEL: process.env[`${name.toUpperCase().replace(/-/g, '_')}_TEST_LOG_LEVEL`] ?? 'error',
    ...options.env,
  });
  const app = await bootstrapService({ name, module, configClass, port: 0 });
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  return {
    app,
    base,
    api: `${base}/api/v1`,
    schema,
    async restart() {
      await app.close();
      return boot(options, schema);
    },
    async close() {
      await app.close();
      await schema.drop();
    },
  };
}
