// Shared by the bench scripts: timing, a table printer and the result line run-all.sh collects.

export interface Measurement {
  readonly name: string;
  readonly count: number;
  readonly seconds: number;
}

export function rate(m: Measurement): number {
  return m.count / m.seconds;
}

/** Runs `work` and measures how long it took for `count` units. */
export async function measure(name: string, count: number, work: () => Promise<unknown>): Promise<Measurement> {
  const started = process.hrtime.bigint();
  await work();
  return { name, count, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** Runs `workers` loops of `step` until `ms` have passed; counts `step`'s return values. */
export async function measureFor(name: string, ms: number, workers: number, step: (worker: number) => Promise<number>): Promise<Measurement> {
  const started = process.hrtime.bigint();
  const deadline = Date.now() + ms;
  let count = 0;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (Date.now() < deadline) count += await step(worker);
    }),
  );
  return { name, count, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/**
 * Measures several variants for `ms` each, in `rounds` alternating slices (A B C A B C ...), so
 * that load drifting on a shared machine biases none of them.
 */
export async function measureInterleaved(
  ms: number,
  workers: number,
  variants: readonly { name: string; step: (worker: number) => Promise<number> }[],
  rounds = 4,
): Promise<Measurement[]> {
  const totals = variants.map(({ name }) => ({ name, count: 0, seconds: 0 }));
  for (let round = 0; round < rounds; round++) {
    for (const [i, { name, step }] of variants.entries()) {
      const slice = await measureFor(name, ms / rounds, workers, step);
      totals[i].count += slice.count;
      totals[i].seconds += slice.seconds;
    }
  }
  return totals;
}

/** Prints measurements with their rate and ratio to `baseline`. */
export function printTable(title: string, baseline: Measurement, rows: readonly Measurement[]): void {
  const width = Math.max(...[baseline, ...rows].map((m) => m.name.length));
  console.log(`\n${title}`);
  console.log(`  ${'variant'.padEnd(width)}  ${'count'.padStart(8)}  ${'seconds'.padStart(8)}  ${'per second'.padStart(11)}  ${'vs baseline'.padStart(11)}`);
  for (const m of [baseline, ...rows]) {
    console.log(
      `  ${m.name.padEnd(width)}  ${String(m.count).padStart(8)}  ${m.seconds.toFixed(2).padStart(8)}  ${Math.round(rate(m)).toString().padStart(11)}  ${`${((rate(m) / rate(baseline)) * 100).toFixed(0)}%`.padStart(11)}`,
    );
  }
}

/** One line for run-all.sh's summary: `RESULT <what>: <rate> vs <rate> = <ratio>% [(target >= <t>%) PASS|MISS]`. */
export function printResult(what: string, measured: Measurement, baseline: Measurement, targetPercent?: number): void {
  const percent = (rate(measured) / rate(baseline)) * 100;
  const verdict = targetPercent === undefined ? '(no target)' : `(target >= ${targetPercent}%) ${percent >= targetPercent ? 'PASS' : 'MISS'}`;
  console.log(`RESULT ${what}: ${Math.round(rate(measured))}/s vs ${Math.round(rate(baseline))}/s = ${percent.toFixed(0)}% ${verdict}`);
}
