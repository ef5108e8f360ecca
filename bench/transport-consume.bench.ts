// Raw JetStream pull-consume + ack vs the Nest JetStream transport (without and with the inbox).
// Usage: npm run bench (or: SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register bench/transport-consume.bench.ts)
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Controller, Inject, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CRM_STREAM, integrationEventType, type IntegrationEvent } from '@switchboard/contracts';
import {
  handleOnce,
  inboxMigrations,
  IntegrationEventPublisher,
  JetStreamConnection,
  JetStreamContext,
  JetStreamServer,
  provisionStreams,
} from '@switchboard/messaging';
import { createTestNats, createTestSchema } from '@switchboard/testing';
import { AckPolicy } from 'nats';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { measure, printResult, printTable } from './bench-report';

const MESSAGES = Number(process.env['BENCH_CONSUME_MESSAGES'] ?? 5_000);
const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** Counts handled messages and resolves once `MESSAGES` were handled. */
class Counter {
  count = 0;
  private resolve!: () => void;
  readonly done = new Promise<void>((resolve) => (this.resolve = resolve));
  hit(): void {
    if (++this.count === MESSAGES) this.resolve();
  }
}

const COUNTER = Symbol('counter');
const DATA_SOURCE = Symbol('data-source');

@Controller()
class NoInboxController {
  constructor(@Inject(COUNTER) private readonly counter: Counter) {}

  @EventPattern('crm.customer.won', { handler: 'bench-plain' })
  async handle(): Promise<void> {
    this.counter.hit();
  }
}

@Controller()
class InboxController {
  constructor(
    @Inject(COUNTER) private readonly counter: Counter,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  @EventPattern('crm.customer.won', { handler: 'bench-inbox' })
  async handle(@Payload() event: IntegrationEvent, @Ctx() context: JetStreamContext): Promise<void> {
    await handleOnce(this.dataSource, context.getConsumer(), event.id, async (manager) => {
      await manager.query('INSERT INTO effects (event_id) VALUES ($1)', [event.id]);
    });
    this.counter.hit();
  }
}

async function runTransport(
  controller: typeof NoInboxController | typeof InboxController,
  connection: JetStreamConnection,
  dataSource: DataSource,
): Promise<void> {
  const counter = new Counter();
  @Module({
    controllers: [controller],
    providers: [
      { provide: COUNTER, useValue: counter },
      { provide: DATA_SOURCE, useValue: dataSource },
    ],
  })
  class BenchModule {}
  const app = await NestFactory.createMicroservice(BenchModule, {
    strategy: new JetStreamServer({ service: 'bench', connection, streams: false }),
    logger: false,
  });
  await app.listen();
  await counter.done;
  await app.close();
}

async function main(): Promise<void> {
  const db = await createTestSchema('bench');
  const nats = await createTestNats();
  const connection = await JetStreamConnection.wrap(nats.nc, { namespace: nats.namespace, logger: quiet });
  const pool = new Pool({ connectionString: db.connectionString, max: 2, options: `-c search_path="${db.schema}"` });
  const dataSource = new DataSource({
    type: 'postgres',
    url: db.connectionString,
    migrations: inboxMigrations,
    // The transport runs up to 16 handlers at once (default concurrency), each with its own transaction.
    extra: { max: 20, options: `-c search_path="${db.schema}"` },
  });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    await pool.query('CREATE TABLE effects (event_id text PRIMARY KEY)');
    await pool.query('CREATE TABLE raw_effects (event_id text PRIMARY KEY)');
    await provisionStreams(connection, { streams: [CRM_STREAM] });
    const stream = connection.namespace.stream(CRM_STREAM.name);

    const publisher = new IntegrationEventPublisher(connection);
    let next = 0;
    await Promise.all(
      Array.from({ length: 256 }, async () => {
        while (next < MESSAGES) {
          const i = next++;
          const id = randomUUID();
          await publisher.publish({
            id,
            source: '/crm',
            type: integrationEventType('crm.customer.won', 1),
            subject: `c${i}`,
            time: new Date().toISOString(),
            datacontenttype: 'application/json',
            correlationid: id,
            data: { customer: `c${i}`, name: `ACME ${i}`, amount: 1234.5, currency: 'EUR' },
          });
        }
      }),
    );

    const rawConsume = async (name: string, handle: (data: Uint8Array, seq: number) => Promise<void>) => {
      await connection.jsm.consumers.add(stream, { durable_name: name, ack_policy: AckPolicy.Explicit });
      const consumer = await connection.js.consumers.get(stream, name);
      const messages = await consumer.consume({ max_messages: 100 });
      let handled = 0;
      for await (const msg of messages) {
        await handle(msg.data, msg.seq);
        msg.ack();
        // Ends the iteration once the pull requests in flight are done.
        if (++handled === MESSAGES) messages.stop();
      }
    };

    const raw = await measure('raw pull-consume + ack', MESSAGES, () => rawConsume('raw-plain', async () => undefined));
    const rawInsert = await measure('raw pull-consume + PG INSERT + ack', MESSAGES, () =>
      rawConsume('raw-insert', async (_, seq) => {
        await pool.query('INSERT INTO raw_effects (event_id) VALUES ($1)', [String(seq)]);
      }),
    );
    const plain = await measure('transport (decode, Nest handler, ack)', MESSAGES, () => runTransport(NoInboxController, connection, dataSource));
    const inbox = await measure('transport + inbox (PG transaction per message)', MESSAGES, () => runTransport(InboxController, connection, dataSource));
    const effects = Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM effects')).rows[0].n);
    if (effects !== MESSAGES) throw new Error(`the inbox handler applied ${effects} of ${MESSAGES} messages`);

    printTable(`Consuming ${MESSAGES} messages, baseline raw pull-consume + ack`, raw, [rawInsert, plain, inbox]);
    printTable(`Same run, baseline raw pull-consume + PG INSERT + ack`, rawInsert, [inbox]);
    printResult('transport without inbox vs raw consume', plain, raw, 50);
    printResult('transport with inbox vs raw consume', inbox, raw, 50);
    printResult('transport with inbox vs raw consume + PG insert', inbox, rawInsert, 50);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await pool.end();
    await nats.cleanup();
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
