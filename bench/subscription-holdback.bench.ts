// How long a subscriber of the PostgreSQL event store waits for this process's own append when
// another transaction of the cluster is open (the xmin rule holds the append back), by the first
// recheck wait (recheckMs), beside the same subscriber with nothing else open, in one run.
// Usage: SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register bench/subscription-holdback.bench.ts
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { migrateEventStore, PostgresEventStore } from '@switchboard/event-sourcing';
import { createTestSchema } from '@switchboard/testing';
import { Pool } from 'pg';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 4);
/** One append every APPEND_EVERY_MS, as a relay's service appends under a steady load. */
const APPEND_EVERY_MS = 10;
/** Other writers: each keeps a transaction with an xid open about OTHER_TX_MS, back to back. */
const OTHER_WRITERS = 2;
const OTHER_TX_MS = 2;
const RECHECKS = [5, 1];

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

interface Watcher {
  readonly recheckMs: number;
  readonly store: PostgresEventStore;
  readonly seen: Map<string, number>;
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

/** A subscriber on its own store instance (its own recheck), woken by every append of this process. */
function watch(connectionString: string, schema: string, recheckMs: number): Watcher {
  const store = new PostgresEventStore({ connectionString, schema, poolSize: 2, recheckMs, logger: quiet });
  const seen = new Map<string, number>();
  const subscription = store.subscribeToAll();
  const done = (async () => {
    for await (const event of subscription) seen.set(event.id, performance.now());
  })();
  return { recheckMs, store, seen, done, stop: async () => (await subscription.close(), await done, await store.close()) };
}

/** Appends one event every APPEND_EVERY_MS for `seconds`; returns each event's id with when its append resolved (committed). */
async function appendSteadily(store: PostgresEventStore, seconds: number): Promise<Map<string, number>> {
  const committed = new Map<string, number>();
  const until = performance.now() + seconds * 1_000;
  while (performance.now() < until) {
    const id = randomUUID();
    await store.appendToStream(`bench-${id}`, [{ id, type: 'BenchEvent', data: { n: committed.size } }], { expectedRevision: 'no_stream' });
    committed.set(id, performance.now());
    await sleep(APPEND_EVERY_MS);
  }
  return committed;
}

/** Transactions that take an xid and stay open OTHER_TX_MS, back to back: commits in flight elsewhere in the cluster. */
function otherWriters(pool: Pool): { stop(): Promise<void> } {
  let running = true;
  const loops = Array.from({ length: OTHER_WRITERS }, async () => {
    while (running) await pool.query(`BEGIN; SELECT pg_current_xact_id(); SELECT pg_sleep(${OTHER_TX_MS / 1_000}); COMMIT`);
  });
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

function line(label: string, committed: Map<string, number>, watcher: Watcher): { p50: number; p99: number } {
  const waits = [...committed].map(([id, at]) => (watcher.seen.get(id) ?? NaN) - at).filter((ms) => Number.isFinite(ms));
  const missing = committed.size - waits.length;
  const [p50, p90, p99] = [50, 90, 99].map((p) => percentile(waits, p));
  console.log(
    `  ${label.padEnd(44)} recheck ${String(watcher.recheckMs).padStart(2)} ms: append → seen p50 ${p50.toFixed(2)} ms p90 ${p90.toFixed(2)} ms p99 ${p99.toFixed(2)} ms` +
      ` (${waits.length} events${missing > 0 ? `, ${missing} not seen` : ''})`,
  );
  return { p50, p99 };
}

async function main(): Promise<void> {
  const db = await createTestSchema('bench');
  const writer = new PostgresEventStore({ connectionString: db.connectionString, schema: db.schema, poolSize: 2, logger: quiet });
  const others = new Pool({ connectionString: db.connectionString, max: OTHER_WRITERS });
  try {
    await migrateEventStore(db.connectionString, db.schema);
    const phases: { label: string; busy: boolean }[] = [
      { label: 'nothing else open (raw baseline)', busy: false },
      { label: `${OTHER_WRITERS} other writers, ${OTHER_TX_MS} ms transactions`, busy: true },
    ];
    const results = new Map<string, { p50: number; p99: number }>();
    console.log(`subscriber of the PostgreSQL event store: own append (one every ${APPEND_EVERY_MS} ms, ${SECONDS} s) → yielded`);
    for (const { label, busy } of phases) {
      // Both recheck settings watch the same appends, so load on the machine biases neither.
      const watchers = RECHECKS.map((recheckMs) => watch(db.connectionString, db.schema, recheckMs));
      await sleep(200);
      const load = busy ? otherWriters(others) : undefined;
      const committed = await appendSteadily(writer, SECONDS);
      await load?.stop();
      await sleep(300);
      for (const watcher of watchers) {
        await watcher.stop();
        results.set(`${busy}:${watcher.recheckMs}`, line(label, committed, watcher));
      }
    }
    const raw = results.get('false:1');
    for (const recheckMs of RECHECKS) {
      const busy = results.get(`true:${recheckMs}`);
      if (!raw || !busy) continue;
      console.log(
        `RESULT subscription holdback, recheck ${recheckMs} ms: append → seen p50 ${busy.p50.toFixed(2)} ms p99 ${busy.p99.toFixed(2)} ms with other transactions open, ` +
          `vs ${raw.p50.toFixed(2)} / ${raw.p99.toFixed(2)} ms with none = ${(busy.p50 / raw.p50).toFixed(1)}x at p50`,
      );
    }
  } finally {
    await writer.close();
    await others.end();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
