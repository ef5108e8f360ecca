// GET /api/v1/customers/{id} (the customer 360 view) p50/p99 at 1,000 and at 100,000 customers,
// against the crm service run as its own process, beside a bare Nest GET returning a JSON object
// of the same size. The read models are seeded with SQL (INSERT … SELECT generate_series) after
// the crm migrations ran: each customer won, with a signed contract and two orders.
// Usage: npm run bench (or: SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register bench/customer-query.bench.ts)
// Tunables: BENCH_QUERY_REQUESTS (default 3000 per size), BENCH_CLIENTS (default 16), BENCH_CUSTOMERS (default 1000,100000),
// BENCH_QUERY_ORDERS (orders per customer, default 2; the view shows up to 100).
import 'reflect-metadata';
import { Controller, Get, Module, Param } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createTestNats, createTestSchema, ServiceProcess, TEST_DATABASE_URL } from '@switchboard/testing';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { baselineServerArgs, startBaselineServer } from './baseline-server';
import { KeepAliveClient, printLoadResult, printLoadTable, runLoad, type LoadResult } from './http-load';

const REQUESTS = Number(process.env['BENCH_QUERY_REQUESTS'] ?? 3_000);
const CLIENTS = Number(process.env['BENCH_CLIENTS'] ?? 16);
const SIZES = (process.env['BENCH_CUSTOMERS'] ?? '1000,100000').split(',').map(Number);
const WARM_UP = 300;
const ORDERS = Number(process.env['BENCH_QUERY_ORDERS'] ?? 2);

const customerId = (i: number) => `bench-${String(i).padStart(7, '0')}`;

/** Seeds customers `from`..`to` (1-based) into the crm read models, as their projections would have written them. */
async function seed(pool: { query(sql: string, values?: unknown[]): Promise<unknown> }, from: number, to: number): Promise<void> {
  const id = `'bench-' || lpad(i::text, 7, '0')`;
  await pool.query(
    `INSERT INTO customer_views (customer_id, status, name, email, country, vat_id, address, erp_customer_number, clm_customer_id, registered_at, won_at, updated_at)
     SELECT ${id}, 'won', 'Customer ' || i || ' GmbH', 'buyer' || i || '@customer.example', 'DE', 'DE' || lpad(i::text, 9, '0'),
            jsonb_build_object('street', 'Hauptstraße ' || i, 'city', 'Berlin', 'postalCode', '10115', 'country', 'DE'),
            'ERP-C' || i, 'CLM-C' || i, now() - i * interval '1 minute', now(), now()
     FROM generate_series($1::int, $2::int) AS i`,
    [from, to],
  );
  await pool.query(
    `INSERT INTO customer_list (customer_id, status, name, email, country, search_text, registered_at)
     SELECT ${id}, 'won', 'Customer ' || i || ' GmbH', 'buyer' || i || '@customer.example', 'DE', lower('customer ' || i || ' gmbh buyer' || i || '@customer.example'), now() - i * interval '1 minute'
     FROM generate_series($1::int, $2::int) AS i`,
    [from, to],
  );
  await pool.query(
    `INSERT INTO contract_records (contract_id, customer_id, clm_contract_id, title, status, drafted_at, signed_at, signed_copy_requested_at, signed_copy, updated_at)
     SELECT 'contract-' || lpad(i::text, 7, '0'), ${id}, 'CLM-K' || i, 'Master agreement ' || i, 'signed', now(), now(), now(),
            jsonb_build_object('documentId', 'doc-' || i, 'sha256', md5(i::text) || md5((i + 1)::text), 'size', 48213,
                               'url', 'http://documents.local/doc-' || i, 'attachedAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
            now()
     FROM generate_series($1::int, $2::int) AS i`,
    [from, to],
  );
  await pool.query(
    `INSERT INTO customer_orders (order_id, customer_id, status, status_at, status_sequence, currency, placed_at, erp_order_number)
     SELECT 'order-' || lpad(i::text, 7, '0') || '-' || k, ${id}, CASE k WHEN 1 THEN 'invoiced' ELSE 'shipped' END,
            now() - k * interval '1 day', CASE k WHEN 1 THEN 3 ELSE 2 END, 'EUR', now() - 3 * interval '1 day', 'ERP-' || i || '-' || k
     FROM generate_series($1::int, $2::int) AS i, generate_series(1, $3::int) AS k`,
    [from, to, ORDERS],
  );
  await pool.query('ANALYZE customer_views; ANALYZE customer_list; ANALYZE contract_records; ANALYZE customer_orders');
}

// The baseline: GET /customers/:id answering a stored 360 view (the same JSON size) with the id put in.
async function serveBaseline(port: number, viewFile: string): Promise<void> {
  const view = JSON.parse(readFileSync(viewFile, 'utf8')) as Record<string, unknown>;

  @Controller('customers')
  class BaselineCustomersController {
    @Get(':id')
    get(@Param('id') id: string): Record<string, unknown> {
      return { ...view, id };
    }
  }

  @Module({ controllers: [BaselineCustomersController] })
  class BaselineModule {}

  const app = await NestFactory.create(BaselineModule, { logger: false });
  app.setGlobalPrefix('api/v1');
  await app.listen(port, '127.0.0.1');
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

async function main(): Promise<void> {
  const schema = await createTestSchema('bench_crm');
  const nats = await createTestNats();
  const client = new KeepAliveClient(CLIENTS);
  const viewFile = path.join(tmpdir(), `customer-360-${schema.schema}.json`);
  let crm: ServiceProcess | undefined;
  let baseline: Awaited<ReturnType<typeof startBaselineServer>> | undefined;
  try {
    crm = await ServiceProcess.start({
      service: 'crm',
      env: { DATABASE_URL: TEST_DATABASE_URL, NATS_URL: nats.url, NATS_NAMESPACE: nats.namespace, DB_SCHEMA: schema.schema, LOG_LEVEL: 'warn' },
    });
    const service = crm;
    const get = (name: string, base: string, customers: number, count: number) =>
      // A spread of ids (a prime stride), so the reads are not one cached row.
      runLoad(name, { count, concurrency: CLIENTS, expectStatus: 200 }, (i) =>
        client.send('GET', `${base}/customers/${customerId(((i * 7919) % customers) + 1)}`),
      );

    const rows: LoadResult[] = [];
    let seeded = 0;
    for (const customers of SIZES) {
      const started = Date.now();
      await seed(schema.pool, seeded + 1, customers);
      seeded = customers;
      console.log(`seeded ${customers.toLocaleString('en')} customers (1 contract, ${ORDERS} orders each) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      if (!baseline) {
        const sample = await client.send('GET', `${service.api}/customers/${customerId(1)}`);
        if (sample.status !== 200) throw new Error(`GET /customers answered ${sample.status}: ${sample.body}`);
        writeFileSync(viewFile, sample.body);
        console.log(`one 360 view is ${Buffer.byteLength(sample.body)} bytes of JSON`);
        baseline = await startBaselineServer(__filename, '/api/v1/customers/x', [viewFile]);
        await get('warm-up', `${baseline.base}/api/v1`, customers, WARM_UP);
      }
      await get('warm-up', service.api, customers, WARM_UP);
      rows.push(await get(`crm GET /customers/{id}, ${customers.toLocaleString('en')} customers`, service.api, customers, REQUESTS));
    }
    if (!baseline) throw new Error('no sizes to measure');
    const bare = await get('bare Nest GET (same-size JSON)', `${baseline.base}/api/v1`, SIZES[0], REQUESTS);

    printLoadTable(`GET /api/v1/customers/{id}, ${REQUESTS} requests per row, ${CLIENTS} concurrent, keep-alive, loopback`, bare, rows);
    const [smallest, largest] = [rows[0], rows[rows.length - 1]];
    printLoadResult(`GET /customers/{id} at ${SIZES[SIZES.length - 1].toLocaleString('en')} customers vs bare Nest GET`, largest, bare);
    printLoadResult(`GET /customers/{id} at ${SIZES[SIZES.length - 1].toLocaleString('en')} vs at ${SIZES[0].toLocaleString('en')} customers`, largest, smallest);
  } finally {
    client.close();
    await baseline?.stop();
    if (crm?.running) await crm.stop();
    await nats.cleanup();
    await schema.drop();
  }
}

const baselineArgs = baselineServerArgs();
(baselineArgs ? serveBaseline(baselineArgs.port, baselineArgs.args[0]) : main()).catch((error) => {
  console.error(error);
  process.exit(1);
});
