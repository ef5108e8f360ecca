// Raw PostgreSQL INSERT transactions vs PostgresEventStore appends, same row shape, clients and
// durability (autocommit, server defaults), measured in alternating slices of the same run.
// Usage: npm run bench (or: SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register bench/event-store-append.bench.ts)
import { randomUUID } from 'node:crypto';
import { migrateEventStore, PostgresEventStore } from '@switchboard/event-sourcing';
import { createTestSchema } from '@switchboard/testing';
import { Pool } from 'pg';
import { measureFor, measureInterleaved, printResult, printTable } from './bench-report';

const CLIENTS = Number(process.env['BENCH_CLIENTS'] ?? 8);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 4);
const BATCH = 100;

const data = (i: number) => ({ customer: `c${i}`, name: `ACME ${i}`, amount: 1234.5, currency: 'EUR' });
const metadata = () => ({ correlationId: randomUUID(), actor: 'bench' });

async function main(): Promise<void> {
  const db = await createTestSchema('bench');
  const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
  const store = new PostgresEventStore({ connectionString: db.connectionString, schema: db.schema, poolSize: CLIENTS, logger: quiet });
  const raw = new Pool({ connectionString: db.connectionString, max: CLIENTS, options: `-c search_path="${db.schema}"` });
  try {
    await migrateEventStore(db.connectionString, db.schema);
    // The events table's twin: same columns, defaults, keys and indexes.
    await raw.query('CREATE TABLE raw_events (LIKE events INCLUDING ALL)');
    const ms = SECONDS * 1000;
    let n = 0;

    const rawInsert = (stream: string, revision: number) =>
      raw.query({
        name: 'raw_insert',
        text: `INSERT INTO raw_events (stream_name, stream_revision, event_id, type, data, metadata) VALUES ($1, $2, $3, $4, $5, $6)`,
        values: [stream, revision, randomUUID(), 'CustomerWon', JSON.stringify(data(n)), JSON.stringify(metadata())],
      });
    // Warm both paths (connections, prepared statements).
    await measureFor('warm-up', 500, CLIENTS, async () => (await rawInsert(`w-${n++}`, 0), 1));
    await measureFor('warm-up', 500, CLIENTS, async () => (await store.appendToStream(`warm-${n++}`, [{ type: 'CustomerWon', data: data(n) }], { expectedRevision: 'no_stream' }), 1));

    const revisions = Array.from({ length: CLIENTS }, () => -1n);
    const streams = Array.from({ length: CLIENTS }, () => `order-${randomUUID()}`);
    const [rawSingle, newStreams, existing] = await measureInterleaved(ms, CLIENTS, [
      { name: 'raw INSERT, 1 row per transaction', step: async () => (await rawInsert(`raw-${n++}`, 0), 1) },
      {
        name: 'append 1 event to a new stream',
        step: async () => {
          await store.appendToStream(`customer-${n++}`, [{ type: 'CustomerWon', data: data(n), metadata: metadata() }], { expectedRevision: 'no_stream' });
          return 1;
        },
      },
      {
        name: 'append 1 event to an existing stream (expected revision)',
        step: async (worker) => {
          const expected = revisions[worker];
          const result = await store.appendToStream(streams[worker], [{ type: 'OrderChanged', data: data(n++), metadata: metadata() }], {
            expectedRevision: expected < 0n ? 'no_stream' : expected,
          });
          revisions[worker] = result.nextExpectedRevision;
          return 1;
        },
      },
    ]);
    printTable(`Single-event appends, ${CLIENTS} concurrent clients, ${SECONDS} s each`, rawSingle, [newStreams, existing]);

    const [rawBatch, batched] = await measureInterleaved(ms, CLIENTS, [
      {
        name: `raw multi-row INSERT of ${BATCH} rows`,
        step: async () => {
          const stream = `rawb-${n++}`;
          const rows = Array.from({ length: BATCH }, (_, i) => i);
          await raw.query({
            name: 'raw_batch',
            text: `INSERT INTO raw_events (stream_name, stream_revision, event_id, type, data, metadata)
                   SELECT $1, r, e, 'CustomerWon', d, m FROM unnest($2::bigint[], $3::uuid[], $4::jsonb[], $5::jsonb[]) AS t(r, e, d, m)`,
            values: [stream, rows, rows.map(() => randomUUID()), rows.map((i) => JSON.stringify(data(i))), rows.map(() => JSON.stringify(metadata()))],
          });
          return BATCH;
        },
      },
      {
        name: `appendToStream with ${BATCH} events`,
        step: async () => {
          const events = Array.from({ length: BATCH }, (_, i) => ({ type: 'CustomerWon', data: data(i), metadata: metadata() }));
          await store.appendToStream(`batch-${n++}`, events, { expectedRevision: 'no_stream' });
          return BATCH;
        },
      },
    ]);
    printTable(`Batched appends (events/s), ${CLIENTS} concurrent clients, ${SECONDS} s each`, rawBatch, [batched]);

    printResult('event store: single-event append (new stream) vs raw single-row INSERT', newStreams, rawSingle, 70);
    printResult('event store: single-event append (existing stream) vs raw single-row INSERT', existing, rawSingle, 70);
    printResult(`event store: ${BATCH}-event append vs raw ${BATCH}-row INSERT`, batched, rawBatch);
  } finally {
    await store.close();
    await raw.end();
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
