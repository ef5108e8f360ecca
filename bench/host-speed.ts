// How fast this machine is right now, so a slow-host run can be told from a regression. On these
// shared 2-core guests the same code gave 70 to 183 orders/s at the maximum in consecutive runs,
// and there is no cycle or instruction counter (perf stat: not supported). Taken while nothing of
// the bench runs, three fixed works, each steady to a few % on an idle machine:
//   - compute: sha256 over 40 MiB, in CPU ms (the ALU and the caches nearest to it);
//   - memory: a chain of dependent loads through a random cycle over 64 MiB, ns per load (main
//     memory latency, where a busy neighbour on the host shows first);
//   - round trip: sequential `SELECT 1` to PostgreSQL on loopback, µs (two processes waking each
//     other, as every message between the services does).
import { TEST_DATABASE_URL } from '@switchboard/testing';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';

const HASHED = Buffer.alloc(1 << 20, 7);
const HASHES = 40;
const CYCLE_LENGTH = 1 << 24;
const LOADS = 500_000;
const ROUND_TRIPS = 200;
/** Runs of each work after an untimed one; their median is the figure. */
const RUNS = 5;

export interface HostSpeed {
  /** CPU ms of sha256 over 40 MiB. */
  readonly computeMs: number;
  /** ns per dependent load over 64 MiB. */
  readonly memoryNs: number;
  /** µs per PostgreSQL round trip on loopback. */
  readonly roundTripUs: number;
}

function cpuMsOf(run: () => unknown): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1_000;
}

async function median(measure: () => number | Promise<number>): Promise<number> {
  await measure();
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measure());
  return runs.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

/** Built on the first measurement and kept: the same cycle for every measurement of a run. */
let cycle: Int32Array | undefined;

/** One cycle through every slot in random order (Sattolo), so each load waits for the one before and misses the caches. */
function randomCycle(): Int32Array {
  const next = new Int32Array(CYCLE_LENGTH);
  for (let i = 0; i < CYCLE_LENGTH; i++) next[i] = i;
  let seed = 12_345;
  for (let i = CYCLE_LENGTH - 1; i > 0; i--) {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    const j = seed % i;
    [next[i], next[j]] = [next[j], next[i]];
  }
  return next;
}

function follow(cycle: Int32Array): number {
  let slot = 0;
  for (let i = 0; i < LOADS; i++) slot = cycle[slot];
  return slot;
}

async function roundTripUs(client: Client): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < ROUND_TRIPS; i++) await client.query('SELECT 1');
  return ((performance.now() - started) * 1_000) / ROUND_TRIPS;
}

/** Measures the host (about 1.5 s); call it while nothing else of the bench runs. */
export async function measureHostSpeed(): Promise<HostSpeed> {
  const computeMs = await median(() =>
    cpuMsOf(() => {
      for (let i = 0; i < HASHES; i++) createHash('sha256').update(HASHED).digest();
    }),
  );
  const loads = (cycle ??= randomCycle());
  const memoryNs = (await median(() => cpuMsOf(() => follow(loads)))) * (1_000_000 / LOADS);
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return { computeMs, memoryNs, roundTripUs: await median(() => roundTripUs(client)) };
  } finally {
    await client.end();
  }
}

export function hostSpeedLine(label: string, speed: HostSpeed): string {
  return (
    `host speed ${label} (lower is faster): compute ${speed.computeMs.toFixed(1)} ms, ` +
    `memory ${speed.memoryNs.toFixed(0)} ns per load, PostgreSQL round trip ${speed.roundTripUs.toFixed(0)} µs`
  );
}
