import type { INestApplication } from '@nestjs/common';
import type { IntegrationEvent } from '@switchboard/contracts';
import { IntegrationEventPublisher, JetStreamConnection, jetStreamServer } from '@switchboard/messaging';
import { bootstrapService } from '@switchboard/observability';
import { migrateServiceSchema } from '@switchboard/projections';
import { createTestNats, createTestSchema, TEST_DATABASE_URL, type TestNats, type TestSchema } from '@switchboard/testing';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { AppModule } from '../../src/app.module';
import { OrderConfig } from '../../src/config';
import { orderMigrations } from '../../src/migrations';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** The order service booted in this process through its real bootstrap, on a throwaway schema and NATS namespace. */
export interface OrderApp {
  readonly app: INestApplication;
  /** `http://127.0.0.1:<port>/api/v1` */
  readonly api: string;
  readonly base: string;
  readonly schema: TestSchema;
  readonly nats: TestNats;
  /**
   * Publishes an integration event to JetStream (in the test namespace), as another service would.
   * `again`: the same event (same id) under another Nats-Msg-Id, so JetStream's duplicate window
   * lets it through and the consumer really receives it a second time.
   */
  publish(event: IntegrationEvent, options?: { again?: boolean }): Promise<void>;
  close(): Promise<void>;
}

export async function startOrderApp(): Promise<OrderApp> {
  const schema = await createTestSchema('order');
  const nats = await createTestNats();
  Object.assign(process.env, {
    DATABASE_URL: TEST_DATABASE_URL,
    NATS_URL: nats.url,
    DB_SCHEMA: schema.schema,
    NATS_NAMESPACE: nats.namespace,
    LOG_LEVEL: process.env['ORDER_TEST_LOG_LEVEL'] ?? 'error',
  });
  await migrateServiceSchema({ url: TEST_DATABASE_URL, schema: schema.schema, migrations: orderMigrations }, quiet);
  const app = await bootstrapService({ name: 'order', module: AppModule, configClass: OrderConfig, port: 0, microservice: jetStreamServer });
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const publisher = new IntegrationEventPublisher(await JetStreamConnection.wrap(nats.nc, { namespace: nats.namespace, logger: quiet }));
  return {
    app,
    base,
    api: `${base}/api/v1`,
    schema,
    nats,
    async publish(event, options = {}) {
      await publisher.publish(event, options.again ? { msgID: `${event.id}:again:${randomUUID()}` } : {});
    },
    async close() {
      await app.close();
      await nats.cleanup();
      await schema.drop();
    },
  };
}

/** An integration event as a producer would publish it. */
export function integrationEvent<Data>(contract: { type: string; dataschema: string }, subject: string, data: Data, id: string = randomUUID()): IntegrationEvent<Data> {
  const source = `/${contract.type.split('.')[1]}`;
  return {
    id,
    source,
    type: contract.type,
    subject,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    dataschema: contract.dataschema,
    correlationid: id,
    data,
  };
}
