/** One sample of a Prometheus text exposition: its labels and value. */
export interface MetricSample {
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

type LabelFilter = (labels: Readonly<Record<string, string>>) => boolean;

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/**
 * A process's `GET /metrics`, read once: several figures from one scrape (a scrape can reset
 * what it reports, e.g. prom-client's event-loop delay histogram).
 */
export class MetricsScrape {
  private constructor(private readonly samples: ReadonlyMap<string, readonly MetricSample[]>) {}

  static async of(base: string): Promise<MetricsScrape> {
    const res = await fetch(`${base}/metrics`);
    if (!res.ok) throw new Error(`GET ${base}/metrics answered ${res.status}`);
    const samples = new Map<string, MetricSample[]>();
    for (const line of (await res.text()).split('\n')) {
      const match = SAMPLE.exec(line);
      if (!match) continue;
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(LABEL)].map(([, key, value]) => [key, value]));
      const named = samples.get(match[1]) ?? [];
      named.push({ labels, value: Number(match[3]) });
      samples.set(match[1], named);
    }
    return new MetricsScrape(samples);
  }

  /** The sum of the samples of `name` whose labels pass `matches` (all of them by default); 0 when there are none. */
  sum(name: string, matches: LabelFilter = () => true): number {
    return (this.samples.get(name) ?? []).filter((sample) => matches(sample.labels)).reduce((sum, sample) => sum + sample.value, 0);
  }
}

/**
 * A process's `GET /metrics`, read as the sum of the samples of `name` whose labels pass
 * `matches`: e.g. the ERP callouts answered 429 by one endpoint.
 */
export async function metricSum(base: string, name: string, matches: LabelFilter): Promise<number> {
  return (await MetricsScrape.of(base)).sum(name, matches);
}
