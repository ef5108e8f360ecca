// The whole flow's throughput and latency: POST /orders → order.placed → ERP adapter → ERP
// (simulator) → erp.order.accepted → order service → order.accepted → CRM, timed until the CRM 360
// view shows the order accepted. All six processes run (real PostgreSQL and NATS), together with this
// script on the same machine. Phases: a fixed rate (open loop), the raw JetStream publish → consume
// latency at that rate (the baseline, same run), and the maximum (closed loop, BENCH_CLIENTS).
// Usage: SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register bench/flow.bench.ts
// Tunables: BENCH_FLOW_RATE (orders/s, default 100), BENCH_FLOW_SECONDS (default 20),
// BENCH_FLOW_MAX_SECONDS (default 15), BENCH_CLIENTS (default 32), BENCH_FLOW_CUSTOMERS (default 40),
// BENCH_FLOW_POLL_MS (default 15), BENCH_FLOW_MAX_POLLS (360-view polls per second at most, default 100),
// BENCH_FLOW_WARM_UP_SECONDS (default 30).
import { customerViewWhen, ORDER_LINES, placeOrderOnceWon, startWholeSystem, winCustomer, type WholeSystem } from '@switchboard/testing/system';
import { performance } from 'node:perf_hooks';
import { AcceptanceWatcher, type Outcome } from './acceptance-watcher';
import { hopLatencies, type HopLatency } from './flow-hops';
import { hostSpeedLine, measureHostSpeed, type HostSpeed } from './host-speed';
import { KeepAliveClient, percentile } from './http-load';
import { measureJetStreamLatency } from './jetstream-latency';
import { openLoop } from './open-loop';
import { canMeasureProcessCpu, type ContextSwitches, ProcessCpuMeter, processesNamed, type ProcessGroup } from './process-cpu';
import { type ServiceRuntime, serviceRuntimeLine, ServiceRuntimeSampler } from './service-runtime';
import { type XminHoldback, XminHoldbackSampler } from './xmin-holdback';

const RATE = Number(process.env['BENCH_FLOW_RATE'] ?? 100);
const SECONDS = Number(process.env['BENCH_FLOW_SECONDS'] ?? 20);
const MAX_SECONDS = Number(process.env['BENCH_FLOW_MAX_SECONDS'] ?? 15);
const CLIENTS = Number(process.env['BENCH_CLIENTS'] ?? 32);
const CUSTOMERS = Number(process.env['BENCH_FLOW_CUSTOMERS'] ?? 40);
const POLL_MS = Number(process.env['BENCH_FLOW_POLL_MS'] ?? 15);
const MAX_POLLS = Number(process.env['BENCH_FLOW_MAX_POLLS'] ?? 100);
/**
 * Long enough for V8 to have compiled the hot paths: after 5 s (200 orders) the services still
 * spent 15-20 % of their CPU in the optimizing compiler through the measured phase (perf, per
 * thread), which a service running for days does not pay. Closed loop with a few clients, so the
 * warm-up never leaves a backlog for the measured phase, whatever the machine.
 */
const WARM_UP_SECONDS = Number(process.env['BENCH_FLOW_WARM_UP_SECONDS'] ?? 30);
const WARM_UP_CLIENTS = 8;
const IDLE_SECONDS = 5;
/** After the warm-up, for its last orders and what they set off to end. */
const IDLE_SETTLE_MS = 3_000;
/**
 * Consecutive orders go to one customer, so the orders in flight belong to a few customers and
 * few views are polled at a time; fewer than the view's 100 orders, so an order in flight is shown.
 */
const ORDERS_PER_CUSTOMER_IN_A_ROW = 20;
/** An order not shown accepted by then is an error. */
const DEADLINE_MS = 10_000;
const TARGET = { rate: 100, p99Ms: 250 };

interface PhaseResult {
  readonly name: string;
  readonly orders: number;
  readonly seconds: number;
  /** POST → accepted in the 360 view, ms, sorted. */
  readonly latenciesMs: number[];
  /** POST → 201, ms, sorted. */
  readonly postMs: number[];
  readonly errors: Map<string, number>;
  readonly polls: number;
  readonly pollRoundTripsMs: number[];
  /** This script's CPU time over the phase, as a share of one core. */
  readonly driverCpu: number;
  /** CPU ms per process group over the phase (empty where /proc cannot be read). */
  readonly cpuMs: Map<string, number>;
  /** Context switches per process group over the phase (empty where /proc cannot be read). */
  readonly switches: Map<string, ContextSwitches>;
  /** How far back the oldest open transaction held xmin: how soon any subscriber could see an event. */
  readonly xmin: XminHoldback;
  /** Between the services, from the timestamps each one stored, for the orders placed in the phase. */
  readonly hops: HopLatency[];
  /** Each service's event-loop delay and GC pauses over the phase. */
  readonly runtime: ServiceRuntime[];
  /** Open loop only: p99 of the orders due in each second of the phase, to tell a burst from a steady queue. */
  readonly p99BySecondMs?: number[];
}

class Flow {
  private next = 0;
  private readonly orders = new KeepAliveClient(512);
  private readonly views = new KeepAliveClient(512);
  readonly watcher: AcceptanceWatcher;
  readonly cpu: ProcessCpuMeter;

  constructor(
    readonly system: WholeSystem,
    private readonly customers: readonly string[],
  ) {
    this.watcher = new AcceptanceWatcher(this.views, system.services.crm.api, { intervalMs: POLL_MS, deadlineMs: DEADLINE_MS, maxPollsPerSecond: MAX_POLLS });
    this.cpu = new ProcessCpuMeter(processGroups(system));
  }

  /** Places the next order and follows it to the 360 view; `startedAt` is when it was due. */
  async place(startedAt: number, postMs: number[]): Promise<Outcome> {
    const customerId = this.customers[Math.floor(this.next++ / ORDERS_PER_CUSTOMER_IN_A_ROW) % this.customers.length];
    const body = JSON.stringify({ customerId, currency: 'EUR', lines: ORDER_LINES });
    try {
      const answer = await this.orders.send('POST', `${this.system.services.order.api}/orders`, body);
      postMs.push(performance.now() - startedAt);
      if (answer.status !== 201) return { ok: false, reason: `POST /orders answered ${answer.status}` };
      return await this.watcher.watch(customerId, (JSON.parse(answer.body) as { id: string }).id, startedAt);
    } catch (error) {
      return { ok: false, reason: `POST /orders failed: ${String(error)}` };
    }
  }

  close(): void {
    this.orders.close();
    this.views.close();
  }
}

/** Every process an order goes through: the six, PostgreSQL's backends, NATS, and this driver. */
const processGroups = (system: WholeSystem): ProcessGroup[] => [
  ...Object.values(system.services).map((service) => ({ name: service.service, pids: () => (service.pid ? [service.pid] : []) })),
  { name: 'postgres', pids: () => processesNamed('postgres') },
  { name: 'nats-server', pids: () => processesNamed('nats-server') },
  { name: 'driver', pids: () => [process.pid] },
];

/** Runs `run` and gathers its outcomes with what the watcher and this process spent on them. */
async function phase(name: string, flow: Flow, run: (postMs: number[]) => Promise<Outcome[]>): Promise<PhaseResult> {
  const xmin = await XminHoldbackSampler.start();
  const runtime = await ServiceRuntimeSampler.start(Object.values(flow.system.services));
  const polls = flow.watcher.polls;
  const cpu = process.cpuUsage();
  flow.cpu.start();
  const began = performance.now();
  const beganAt = new Date();
  const postMs: number[] = [];
  const outcomes = await run(postMs);
  const endedAt = new Date();
  const seconds = (performance.now() - began) / 1_000;
  const xminHoldback = await xmin.stop();
  const serviceRuntime = await runtime.stop();
  const { user, system } = process.cpuUsage(cpu);
  const cpuMs = canMeasureProcessCpu ? flow.cpu.read() : new Map<string, number>();
  const switches = canMeasureProcessCpu ? flow.cpu.readSwitches() : new Map<string, ContextSwitches>();
  const errors = new Map<string, number>();
  for (const outcome of outcomes) if (!outcome.ok) errors.set(outcome.reason, (errors.get(outcome.reason) ?? 0) + 1);
  return {
    name,
    orders: outcomes.length,
    seconds,
    latenciesMs: outcomes.flatMap((o) => (o.ok ? [o.latencyMs] : [])).sort((a, b) => a - b),
    postMs: postMs.sort((a, b) => a - b),
    errors,
    polls: flow.watcher.polls - polls,
    pollRoundTripsMs: flow.watcher.pollRoundTripsMs.slice(polls).sort((a, b) => a - b),
    driverCpu: (user + system) / 1e6 / seconds,
    cpuMs,
    switches,
    xmin: xminHoldback,
    runtime: serviceRuntime,
    hops: await hopLatencies(flow.system, beganAt, endedAt),
  };
}

async function fixedRate(flow: Flow, name: string, seconds: number): Promise<PhaseResult> {
  let outcomes: Outcome[] = [];
  const result = await phase(name, flow, async (postMs) => {
    outcomes = (await openLoop(RATE, seconds, (_, scheduledAt) => flow.place(scheduledAt, postMs))).results;
    return outcomes;
  });
  const bySecond = Array.from({ length: Math.ceil(outcomes.length / RATE) }, (_, second) =>
    outcomes
      .slice(second * RATE, (second + 1) * RATE)
      .flatMap((o) => (o.ok ? [o.latencyMs] : []))
      .sort((a, b) => a - b),
  );
  return { ...result, p99BySecondMs: bySecond.map((sorted) => percentile(sorted, 99) ?? Number.NaN) };
}

/** `clients` clients, each placing its next order once the CRM shows its last one accepted. */
const closedLoop = (flow: Flow, name: string, seconds: number, clients: number) =>
  phase(name, flow, async (postMs) => {
    const deadline = performance.now() + seconds * 1_000;
    const outcomes: Outcome[] = [];
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < deadline) outcomes.push(await flow.place(performance.now(), postMs));
      }),
    );
    return outcomes;
  });

/** Wins the customers and waits until each one's first order is accepted in the CRM: the whole path works for them. */
async function winCustomers(system: WholeSystem): Promise<string[]> {
  const { crm, order } = system.services;
  const customers: string[] = [];
  // A few at a time: each win sets off work in all four services.
  for (let i = 0; i < CUSTOMERS; i += 8) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(8, CUSTOMERS - i) }, async (_, j) => {
        const customerId = await winCustomer(crm, `Bench customer ${i + j}`);
        await customerViewWhen(crm, customerId, (view) => view.externalIds.erpCustomerNumber !== null, 'its ERP customer number');
        const orderId = await placeOrderOnceWon(order, customerId);
        await customerViewWhen(crm, customerId, (view) => view.orders.some((o: { id: string; status: string }) => o.id === orderId && o.status === 'accepted'), 'its first order accepted');
        return customerId;
      }),
    );
    customers.push(...batch);
  }
  return customers;
}

const totalCpuMs = (r: PhaseResult) => [...r.cpuMs.values()].reduce((a, b) => a + b, 0);

/** Where the CPU went, per order placed: the figure a tuning should lower, steadier than latency on a shared machine. */
const cpuPerOrder = (r: PhaseResult) =>
  `CPU per order: ${[...r.cpuMs].map(([name, cpuMs]) => `${name} ${(cpuMs / r.orders).toFixed(1)}`).join(', ')}; ` +
  `total ${(totalCpuMs(r) / r.orders).toFixed(1)} ms (${((totalCpuMs(r) / 1_000 / r.seconds) * 100).toFixed(0)}% of one core over the phase)`;

/** Wake-ups (it slept) and preemptions (it wanted to run on) per order: how much each process does per turn on a core. */
const switchesPerOrder = (r: PhaseResult) => {
  const total = [...r.switches.values()].reduce((sum, s) => sum + s.voluntary + s.involuntary, 0);
  return (
    `context switches per order, slept/preempted: ${[...r.switches].map(([name, s]) => `${name} ${(s.voluntary / r.orders).toFixed(1)}/${(s.involuntary / r.orders).toFixed(1)}`).join(', ')}; ` +
    `total ${(total / r.orders).toFixed(0)}`
  );
};

/** Subscriptions read only below the cluster's xmin: the oldest open transaction's age bounds how soon any subscriber sees an event. */
const xminHoldbackLine = (x: XminHoldback) =>
  `xmin held back by the oldest open transaction: p50 ${x.p50Ms.toFixed(0)} ms p90 ${x.p90Ms.toFixed(0)} ms p99 ${x.p99Ms.toFixed(0)} ms max ${x.maxMs.toFixed(0)} ms (${x.samples} samples)` +
  (x.topLong.length > 0 ? `; most often when > 100 ms: ${x.topLong.map((t) => `${t.count}× "${t.statement}"`).join(', ')}` : '');

/** A phase with nothing accepted has no percentiles. */
const ms = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(1));
const cells = (values: readonly string[], widths: readonly number[]) => values.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
const errorCount = (r: PhaseResult) => [...r.errors.values()].reduce((a, b) => a + b, 0);

function printResults(fixed: PhaseResult, max: PhaseResult, raw: { name: string; latenciesMs: number[]; published: number; errors: number; seconds: number }): void {
  const widths = [48, 7, 8, 8, 8, 8, 8, 7];
  console.log(`\nPOST /orders → order shown accepted in the CRM 360 view (all six processes and this driver on one machine)`);
  console.log(`  ${cells(['phase', 'orders', 'done/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors'], widths)}`);
  const row = (name: string, count: number, done: number, seconds: number, sorted: number[], errors: number) =>
    console.log(
      `  ${cells(
        [name, String(count), (done / seconds).toFixed(1), ms(percentile(sorted, 50)), ms(percentile(sorted, 95)), ms(percentile(sorted, 99)), ms(sorted[sorted.length - 1]), String(errors)],
        widths,
      )}`,
    );
  for (const r of [fixed, max]) row(r.name, r.orders, r.latenciesMs.length, r.seconds, r.latenciesMs, errorCount(r));
  row(raw.name, raw.published, raw.latenciesMs.length, raw.seconds, raw.latenciesMs, raw.errors);
  for (const r of [fixed, max]) {
    console.log(
      `  ${r.name}: POST → 201 p50 ${ms(percentile(r.postMs, 50))} ms p99 ${ms(percentile(r.postMs, 99))} ms; ` +
        `360-view polls ${Math.round(r.polls / r.seconds)}/s (each customer with orders in flight every ${POLL_MS} ms, at most ${MAX_POLLS}/s in all; GET p50 ${ms(percentile(r.pollRoundTripsMs, 50))} ms p99 ${ms(percentile(r.pollRoundTripsMs, 99))} ms); ` +
        `driver CPU ${(r.driverCpu * 100).toFixed(0)}% of a core`,
    );
    for (const [reason, count] of r.errors) console.log(`    error x${count}: ${reason}`);
    if (r.p99BySecondMs) console.log(`    p99 ms of the orders due in each second: ${r.p99BySecondMs.map((v) => v.toFixed(0)).join(' ')}`);
    if (r.cpuMs.size > 0) console.log(`    ${cpuPerOrder(r)}`);
    if (r.switches.size > 0) console.log(`    ${switchesPerOrder(r)}`);
    console.log(`    ${xminHoldbackLine(r.xmin)}`);
    console.log(`    event loop delay and GC pauses: ${serviceRuntimeLine(r.runtime)}`);
    if (r.hops.length > 0) console.log(`    between the services (each one's stored timestamps; a hop includes the next one's work up to its write):`);
    for (const h of r.hops) {
      console.log(`      ${h.hop.padEnd(46)} p50 ${ms(h.p50Ms)} ms p90 ${ms(h.p90Ms)} ms p99 ${ms(h.p99Ms)} ms max ${ms(h.maxMs)} ms (${h.orders} orders)`);
    }
  }
  console.log(
    `  Observation resolution: an order counts as accepted when the poll showing it answered, at most one wait ` +
      `(${POLL_MS} ms, or with N customers' orders in flight N × ${(1_000 / MAX_POLLS).toFixed(0)} ms if longer: the poll budget) + one GET after it was.`,
  );
}

/** What the processes spend with no order in flight (pollers, timers): the floor under every phase's CPU. */
async function idleCpu(flow: Flow): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, IDLE_SETTLE_MS));
  flow.cpu.start();
  await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1_000));
  const cpuMs = flow.cpu.read();
  const share = (ms: number) => `${((ms / (IDLE_SECONDS * 1_000)) * 100).toFixed(1)}%`;
  const total = [...cpuMs.values()].reduce((sum, ms) => sum + ms, 0);
  return `idle for ${IDLE_SECONDS} s (no order in flight), CPU as a share of one core: ${[...cpuMs].map(([name, ms]) => `${name} ${share(ms)}`).join(', ')}; total ${share(total)}`;
}

async function main(): Promise<void> {
  const system = await startWholeSystem();
  let flow: Flow | undefined;
  try {
    const customers = await winCustomers(system);
    flow = new Flow(system, customers);
    const hostAtStart = await measureHostSpeed();
    console.log(hostSpeedLine('before the warm-up', hostAtStart));
    const warmUp = await closedLoop(flow, 'warm-up', WARM_UP_SECONDS, WARM_UP_CLIENTS);
    console.log(
      `warm-up: ${warmUp.orders} orders in ${WARM_UP_SECONDS} s from ${WARM_UP_CLIENTS} clients (closed loop, ${(warmUp.orders / warmUp.seconds).toFixed(0)}/s), ` +
        `p99 ${ms(percentile(warmUp.latenciesMs, 99))} ms, ${errorCount(warmUp)} errors`,
    );
    if (canMeasureProcessCpu) console.log(await idleCpu(flow));
    const hostBeforeFixed = await measureHostSpeed();
    console.log(hostSpeedLine('before the fixed rate', hostBeforeFixed));

    const fixed = await fixedRate(flow, `fixed ${RATE}/s for ${SECONDS} s (open loop)`, SECONDS);
    const rawStarted = performance.now();
    flow.cpu.start();
    const rawRun = await measureJetStreamLatency(system.nats.nc, system.nats.namespace, RATE, SECONDS);
    const rawCpuMs = flow.cpu.read();
    const raw = { name: `raw JetStream publish → consume at ${RATE}/s`, seconds: (performance.now() - rawStarted) / 1_000, ...rawRun };
    const max = await closedLoop(flow, `max, ${CLIENTS} clients (closed loop)`, MAX_SECONDS, CLIENTS);
    printResults(fixed, max, raw);
    await new Promise((resolve) => setTimeout(resolve, IDLE_SETTLE_MS));
    const hostAtEnd = await measureHostSpeed();
    console.log(hostSpeedLine('at the end', hostAtEnd));
    if (canMeasureProcessCpu) {
      const perMessage = (name: string) => ((rawCpuMs.get(name) ?? 0) / raw.published).toFixed(2);
      console.log(`  raw JetStream: CPU per message: nats-server ${perMessage('nats-server')}, driver (publisher and consumer) ${perMessage('driver')} ms`);
    }

    const fixedP99 = percentile(fixed.latenciesMs, 99);
    const rawP99 = percentile(raw.latenciesMs, 99);
    const errors = errorCount(fixed);
    const met = RATE >= TARGET.rate && fixedP99 < TARGET.p99Ms && errors === 0 && fixed.latenciesMs.length > 0;
    console.log(
      `RESULT flow POST /orders → accepted in CRM 360 at ${RATE}/s: p50 ${ms(percentile(fixed.latenciesMs, 50))} ms p95 ${ms(percentile(fixed.latenciesMs, 95))} ms p99 ${ms(fixedP99)} ms, ` +
        `${fixed.orders} orders, ${errors} errors, ${fixed.cpuMs.size > 0 ? `${(totalCpuMs(fixed) / fixed.orders).toFixed(1)} ms CPU per order, ` : ''}vs raw JetStream publish→consume p99 ${ms(rawP99)} ms = ${(fixedP99 / rawP99).toFixed(1)}x ` +
        `(target p99 < ${TARGET.p99Ms} ms at ${TARGET.rate}/s, 0 errors) ${met ? 'PASS' : 'MISS'}; ${hostFigures([hostAtStart, hostBeforeFixed, hostAtEnd])}`,
    );
    console.log(
      `RESULT flow max, ${CLIENTS} clients: ${(max.latenciesMs.length / max.seconds).toFixed(0)} orders/s accepted in CRM, ` +
        `p50 ${ms(percentile(max.latenciesMs, 50))} ms p99 ${ms(percentile(max.latenciesMs, 99))} ms, ${errorCount(max)} errors (no target)`,
    );
  } catch (error) {
    for (const service of Object.values(system.services)) console.error(`--- ${service.service}, recent output:\n${service.recentOutput().split('\n').slice(-20).join('\n')}`);
    throw error;
  } finally {
    flow?.close();
    await system.close();
  }
}

/** The host's speed over the run, for telling a slow-host run from a regression: each figure's range. */
function hostFigures(speeds: readonly HostSpeed[]): string {
  const range = (pick: (speed: HostSpeed) => number, digits: number) => {
    const values = speeds.map(pick);
    return `${Math.min(...values).toFixed(digits)}-${Math.max(...values).toFixed(digits)}`;
  };
  return `host compute ${range((s) => s.computeMs, 1)} ms, memory ${range((s) => s.memoryNs, 0)} ns, round trip ${range((s) => s.roundTripUs, 0)} µs`;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
