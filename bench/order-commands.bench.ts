// POST /api/v1/orders per second at a fixed concurrency, with p50/p99, against the order service
// run as its own process (migrate + main, real PostgreSQL and NATS, a won customer fed through
// JetStream), beside a bare Nest endpoint validating the same DTO shape with class-validator.
// Usage: npm run bench (or: SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register bench/order-commands.bench.ts)
// Tunables: BENCH_ORDER_REQUESTS (default 2000), BENCH_CLIENTS (default 16).
import 'reflect-metadata';
import { Body, Controller, Module, Post, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CRM_CUSTOMER_REGISTERED, CRM_CUSTOMER_WON } from '@switchboard/contracts';
import { IntegrationEventPublisher, JetStreamConnection } from '@switchboard/messaging';
import { createTestNats, createTestSchema, ServiceProcess, TEST_DATABASE_URL, waitFor } from '@switchboard/testing';
import { integrationEvent } from '@switchboard/testing/service';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { baselineServerArgs, startBaselineServer } from './baseline-server';
import { KeepAliveClient, printLoadResult, printLoadTable, runLoad } from './http-load';

const REQUESTS = Number(process.env['BENCH_ORDER_REQUESTS'] ?? 2_000);
const CLIENTS = Number(process.env['BENCH_CLIENTS'] ?? 16);
const WARM_UP = 200;
const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

// The baseline: the same request shape, validated the same way, answered with the same JSON shape.
class BaselineOrderLine {
  @IsString() @IsNotEmpty() @MaxLength(100) sku!: string;
  @IsInt() @Min(1) quantity!: number;
  @IsOptional() @IsString() @Matches(/^\d{1,15}(\.\d{1,4})?$/) unitPrice?: string;
}

class BaselineOrderRequest {
  @IsString() @IsNotEmpty() @MaxLength(200) customerId!: string;
  @IsString() @Matches(/^[A-Z]{3}$/) currency!: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => BaselineOrderLine) lines!: BaselineOrderLine[];
}

@Controller('orders')
class BaselineOrdersController {
  private position = 0n;

  @Post()
  place(@Body() body: BaselineOrderRequest): { id: string; position: string } {
    void body;
    this.position += 1n;
    return { id: randomUUID(), position: `${this.position}.${this.position}` };
  }
}

@Module({ controllers: [BaselineOrdersController] })
class BaselineModule {}

async function serveBaseline(port: number): Promise<void> {
  const app = await NestFactory.create(BaselineModule, { logger: false });
  app.setGlobalPrefix('api/v1');
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  await app.listen(port, '127.0.0.1');
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

async function main(): Promise<void> {
  const schema = await createTestSchema('bench_order');
  const nats = await createTestNats();
  const client = new KeepAliveClient(CLIENTS);
  let order: ServiceProcess | undefined;
  let baseline: Awaited<ReturnType<typeof startBaselineServer>> | undefined;
  try {
    order = await ServiceProcess.start({
      service: 'order',
      env: { DATABASE_URL: TEST_DATABASE_URL, NATS_URL: nats.url, NATS_NAMESPACE: nats.namespace, DB_SCHEMA: schema.schema, LOG_LEVEL: 'warn' },
    });
    baseline = await startBaselineServer(__filename, '/api/v1/orders');

    // A won customer, as the CRM would announce it.
    const customerId = randomUUID();
    const publisher = new IntegrationEventPublisher(await JetStreamConnection.wrap(nats.nc, { namespace: nats.namespace, logger: quiet }));
    const registeredAt = new Date().toISOString();
    await publisher.publish(
      integrationEvent(CRM_CUSTOMER_REGISTERED, customerId, {
        customerId,
        name: 'ACME GmbH',
        email: 'buyer@acme.example',
        country: 'DE',
        vatId: null,
        address: null,
        registeredAt,
      }),
    );
    await publisher.publish(integrationEvent(CRM_CUSTOMER_WON, customerId, { customerId, wonAt: registeredAt }));

    const body = JSON.stringify({ customerId, currency: 'EUR', lines: [{ sku: 'SKU-A', quantity: 2, unitPrice: '11.90' }, { sku: 'SKU-B', quantity: 1 }] });
    const service = order;
    await waitFor(async () => (await client.send('POST', `${service.api}/orders`, body)).status === 201, { what: 'the order service to know the won customer', timeoutMs: 20_000 });

    const load = (name: string, url: string, count: number, headers: (i: number) => Record<string, string> = () => ({})) =>
      runLoad(name, { count, concurrency: CLIENTS, expectStatus: 201 }, (i) => client.send('POST', url, body, headers(i)));
    await load('warm-up', `${baseline.base}/api/v1/orders`, WARM_UP);
    await load('warm-up', `${order.api}/orders`, WARM_UP);

    const bare = await load('bare Nest POST (class-validator DTO)', `${baseline.base}/api/v1/orders`, REQUESTS);
    const placed = await load('order service POST /orders', `${order.api}/orders`, REQUESTS);
    const keyed = await load('  with Idempotency-Key', `${order.api}/orders`, REQUESTS, () => ({ 'idempotency-key': randomUUID() }));

    printLoadTable(`POST /api/v1/orders, ${REQUESTS} requests, ${CLIENTS} concurrent, keep-alive, loopback`, bare, [placed, keyed]);
    printLoadResult('POST /orders vs bare Nest POST', placed, bare);
  } finally {
    client.close();
    await baseline?.stop();
    if (order?.running) await order.stop();
    await nats.cleanup();
    await schema.drop();
  }
}

const baselineArgs = baselineServerArgs();
(baselineArgs ? serveBaseline(baselineArgs.port) : main()).catch((error) => {
  console.error(error);
  process.exit(1);
});
