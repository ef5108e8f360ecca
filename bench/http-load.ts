// HTTP load for the service benches: a keep-alive client, a fixed-concurrency driver that times
// every request with process.hrtime.bigint(), percentiles, and a table printer.
import { Agent, request } from 'undici';

export interface HttpAnswer {
  readonly status: number;
  readonly body: string;
}

/**
 * A keep-alive HTTP/1.1 client with one connection per concurrent request, as a load balancer
 * keeps them. undici rather than node:http: the driver shares the machine with what it measures,
 * and node:http's client cost it about a fifth more CPU per request (61 against 50 µs here).
 */
export class KeepAliveClient {
  private readonly agent: Agent;

  constructor(maxSockets: number) {
    this.agent = new Agent({ connections: maxSockets });
  }

  async send(method: string, url: string, body?: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    const answer = await request(url, {
      method: method as 'GET',
      dispatcher: this.agent,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body,
    });
    return { status: answer.statusCode, body: await answer.body.text() };
  }

  close(): void {
    void this.agent.destroy();
  }
}

export interface LoadResult {
  readonly name: string;
  readonly count: number;
  readonly seconds: number;
  /** Milliseconds, sorted ascending. */
  readonly latenciesMs: readonly number[];
}

/**
 * Sends `count` requests, `concurrency` at a time, each built by `send(i)`; fails on the first
 * answer whose status is not `expectStatus` (a fast error is not a fast request).
 */
export async function runLoad(
  name: string,
  { count, concurrency, expectStatus }: { count: number; concurrency: number; expectStatus: number },
  send: (i: number) => Promise<HttpAnswer>,
): Promise<LoadResult> {
  const latencies = new Array<number>(count);
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const sent = process.hrtime.bigint();
        const answer = await send(i);
        latencies[i] = Number(process.hrtime.bigint() - sent) / 1e6;
        if (answer.status !== expectStatus) throw new Error(`${name}: request ${i} answered ${answer.status}, expected ${expectStatus}: ${answer.body.slice(0, 300)}`);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { name, count, seconds, latenciesMs: latencies.sort((a, b) => a - b) };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const perSecond = (r: LoadResult): number => r.count / r.seconds;

/** Rows of throughput and p50/p99, each with its ratio to `baseline` (throughput share, latency multiple). */
export function printLoadTable(title: string, baseline: LoadResult, rows: readonly LoadResult[]): void {
  const width = Math.max(...[baseline, ...rows].map((r) => r.name.length));
  const cells = (...values: string[]) => values.map((v, i) => (i === 0 ? v.padEnd(width) : v.padStart(10))).join('  ');
  console.log(`\n${title}`);
  console.log(`  ${cells('variant', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'vs base/s', 'p50 x base')}`);
  for (const r of [baseline, ...rows]) {
    const p50 = percentile(r.latenciesMs, 50);
    console.log(
      `  ${cells(
        r.name,
        String(r.count),
        Math.round(perSecond(r)).toString(),
        p50.toFixed(2),
        percentile(r.latenciesMs, 99).toFixed(2),
        `${((perSecond(r) / perSecond(baseline)) * 100).toFixed(0)}%`,
        `${(p50 / percentile(baseline.latenciesMs, 50)).toFixed(1)}x`,
      )}`,
    );
  }
}

/** One line for run-all.sh's summary, in the shape of bench-report's printResult. */
export function printLoadResult(what: string, measured: LoadResult, baseline: LoadResult): void {
  console.log(
    `RESULT ${what}: ${Math.round(perSecond(measured))}/s p50 ${percentile(measured.latenciesMs, 50).toFixed(2)} ms p99 ${percentile(measured.latenciesMs, 99).toFixed(2)} ms ` +
      `vs ${Math.round(perSecond(baseline))}/s p50 ${percentile(baseline.latenciesMs, 50).toFixed(2)} ms = ${((perSecond(measured) / perSecond(baseline)) * 100).toFixed(0)}% (no target)`,
  );
}
