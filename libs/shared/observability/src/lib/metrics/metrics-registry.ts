import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
  type CounterConfiguration,
  type GaugeConfiguration,
  type HistogramConfiguration,
  type Metric,
} from 'prom-client';

export const METRIC_PREFIX = 'switchboard_';

/**
 * The one registry of the process, served on /metrics. A module-level singleton rather than
 * only a Nest provider so that plain libraries (relay, projection runner) can register metrics
 * without DI; Nest code injects the same object through METRICS_REGISTRY.
 */
export const metricsRegistry = new Registry();

export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

const withDefaultMetrics = new WeakSet<Registry>();

/** Node process metrics (CPU, memory, event loop lag, GC…) as `switchboard_*`, once per registry. */
export function enableDefaultMetrics(registry: Registry = metricsRegistry): void {
  if (withDefaultMetrics.has(registry)) return;
  withDefaultMetrics.add(registry);
  collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
}

/** `relay_published_total` → `switchboard_relay_published_total`; already prefixed names stay. */
export function metricName(name: string): string {
  return name.startsWith(METRIC_PREFIX) ? name : `${METRIC_PREFIX}${name}`;
}

type Config<C extends { name: string }> = Omit<C, 'registers'>;

function getOrCreate<M extends Metric>(
  kind: abstract new (...args: never[]) => M,
  name: string,
  registry: Registry,
  create: (name: string) => M,
): M {
  const existing = registry.getSingleMetric(name);
  if (existing === undefined) return create(name);
  if (!(existing instanceof kind)) {
    throw new Error(`metric ${name} is already registered as a ${existing.constructor.name}, not a ${kind.name}`);
  }
  return existing;
}

/** The counter of that name: created on first use, the same object afterwards (no double registration). */
export function getOrCreateCounter<L extends string = string>(config: Config<CounterConfiguration<L>>, registry = metricsRegistry): Counter<L> {
  return getOrCreate(Counter<L>, metricName(config.name), registry, (name) => new Counter<L>({ ...config, name, registers: [registry] }));
}

export function getOrCreateHistogram<L extends string = string>(
  config: Config<HistogramConfiguration<L>>,
  registry = metricsRegistry,
): Histogram<L> {
  return getOrCreate(Histogram<L>, metricName(config.name), registry, (name) => new Histogram<L>({ ...config, name, registers: [registry] }));
}

export function getOrCreateGauge<L extends string = string>(config: Config<GaugeConfiguration<L>>, registry = metricsRegistry): Gauge<L> {
  return getOrCreate(Gauge<L>, metricName(config.name), registry, (name) => new Gauge<L>({ ...config, name, registers: [registry] }));
}
