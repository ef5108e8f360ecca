import type { INestApplication } from '@nestjs/common';
import { streamForSubject, type IntegrationEvent } from '@switchboard/contracts';
import { IntegrationEventPublisher, JetStreamConnection, jetStreamServer } from '@switchboard/messaging';
import { bootstrapService, metricsRegistry, type BaseConfig, type BootstrapOptions } from '@switchboard/observability';
import { migrateServiceSchema, type ReadModelDataSourceOptions } from '@switchboard/projections';
import { createTestNats, createTestSchema, quietLogger, TEST_DATABASE_URL, type TestNats, type TestSchema } from '@switchboard/testing';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';

export interface ServiceForTestOptions<C extends BaseConfig> {
  /** The service name (`crm`): the bootstrap's name and the test schema's prefix. */
  readonly name: string;
  /** The service's AppModule. */
  readonly module: BootstrapOptions<C>['module'];
  readonly configClass: new () => C;
  /** The service's migration list (`crmMigrations`), run on the throwaway schema first. */
  readonly migrations: NonNullable<ReadModelDataSourceOptions['migrations']>;
  /** More environment for the config, set beside DATABASE_URL, NATS_URL, DB_SCHEMA and NATS_NAMESPACE. */
  readonly env?: Readonly<Record<string, string>>;
}

/** A service booted in this process through its real bootstrap, on a throwaway schema and NATS namespace. */
export interface ServiceForTest {
  readonly app: INestApplication;
  /** `http://127.0.0.1:<port>` */
  readonly base: string;
  /** `http://127.0.0.1:<port>/api/v1` */
  readonly api: string;
  readonly schema: TestSchema;
  readonly nats: TestNats;
  /**
   * Publishes an integration event to JetStream (in the test namespace), as another service would.
   * `again`: the same event (same id) under another Nats-Msg-Id, so JetStream's duplicate window
   * lets it through and the consumer really receives it a second time.
   */
  publish(event: IntegrationEvent, options?: { again?: boolean }): Promise<void>;
  /** The integration events on one subject (un-namespaced, e.g. `crm.customer.won`), oldest first. */
  publishedEvents(subject: string): Promise<IntegrationEvent[]>;
  /** The events of one stream of the service's PostgreSQL event store, by type, in stream order. */
  eventTypes(streamName: string): Promise<string[]>;
  /**
   * The sum of a metric's samples whose labels include `labels` (0 before its first sample), e.g.
   * `switchboard_echoes_skipped_total`: from the process registry, as the service runs in this process.
   */
  metricSum(name: string, labels?: Readonly<Record<string, string>>): Promise<number>;
  /** Closes the app, deletes the namespace's streams and drops the schema. */
  close(): Promise<void>;
}

/**
 * Boots a service as its main.ts does (bootstrapService with the JetStream transport) on port 0,
 * after running its migrations on a fresh schema, with its own NATS namespace, so test files run
 * in parallel and twice. Logs at `error` unless `<NAME>_TEST_LOG_LEVEL` (e.g. `CRM_TEST_LOG_LEVEL`)
 * says otherwise.
 */
export async function startServiceForTest<C extends BaseConfig>(options: ServiceForTestOptions<C>): Promise<ServiceForTest> {
  const { name, module, configClass, migrations } = options;
  const schema = await createTestSchema(name);
  const nats = await createTestNats();
  Object.assign(process.env, {
    DATABASE_URL: TEST_DATABASE_URL,
    NATS_URL: nats.url,
    DB_SCHEMA: schema.schema,
    NATS_NAMESPACE: nats.namespace,
    LOG_LEVEL: process.env[`${name.toUpperCase()}_TEST_LOG_LEVEL`] ?? 'error',
    ...options.env,
  });
  await migrateServiceSchema({ url: TEST_DATABASE_URL, schema: schema.schema, migrations }, quietLogger);
  const app = await bootstrapService({ name, module, configClass, port: 0, microservice: jetStreamServer });
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const connection = await JetStreamConnection.wrap(nats.nc, { namespace: nats.namespace, logger: quietLogger });
  const publisher = new IntegrationEventPublisher(connection);
  return {
    app,
    base,
    api: `${base}/api/v1`,
    schema,
    nats,
    async publish(event, { again = false } = {}) {
      await publisher.publish(event, again ? { msgID: `${event.id}:again:${randomUUID()}` } : {});
    },
    async publishedEvents(subject) {
      const stream = connection.namespace.stream(streamForSubject(subject).name);
      const info = await connection.jsm.streams.info(stream);
      const events: IntegrationEvent[] = [];
      for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
        const message = await connection.jsm.streams.getMessage(stream, { seq });
        if (message.subject === connection.namespace.subject(subject)) events.push(message.json<IntegrationEvent>());
      }
      return events;
    },
    async eventTypes(streamName) {
      const rows = await schema.pool.query('SELECT type FROM events WHERE stream_name = $1 ORDER BY stream_revision', [streamName]);
      return rows.rows.map((row: { type: string }) => row.type);
    },
    async metricSum(name, labels = {}) {
      const metric = await metricsRegistry.getSingleMetric(name)?.get();
      return (metric?.values ?? [])
        .filter((sample) => Object.entries(labels).every(([key, value]) => sample.labels[key] === value))
        .reduce((sum, sample) => sum + sample.value, 0);
    },
    async close() {
      await app.close();
      await nats.cleanup();
      await schema.drop();
    },
  };
}
