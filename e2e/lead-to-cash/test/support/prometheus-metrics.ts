/** One sample of a Prometheus text exposition: its labels and value. */
interface Sample {
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/**
 * A process's `GET /metrics`, read as the sum of the samples of `name` whose labels pass
 * `matches`: e.g. the ERP callouts answered 429 by one endpoint.
 */
export async function metricSum(base: string, name: string, matches: (labels: Readonly<Record<string, string>>) => boolean): Promise<number> {
  const res = await fetch(`${base}/metrics`);
  if (!res.ok) throw new Error(`GET ${base}/metrics answered ${res.status}`);
  return samples(await res.text(), name)
    .filter((sample) => matches(sample.labels))
    .reduce((sum, sample) => sum + sample.value, 0);
}

function samples(text: string, name: string): Sample[] {
  const found: Sample[] = [];
  for (const line of text.split('\n')) {
    const match = SAMPLE.exec(line);
    if (!match || match[1] !== name) continue;
    const labels = Object.fromEntries([...(match[2] ?? '').matchAll(LABEL)].map(([, key, value]) => [key, value]));
    found.push({ labels, value: Number(match[3]) });
  }
  return found;
}
