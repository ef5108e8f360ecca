// What each service's event loop and garbage collector did over a bench phase, from the services'
// own /metrics (prom-client's default metrics): a long event-loop delay or GC pause delays every
// message and request in flight in that process, which CPU per order alone does not show.
import { MetricsScrape } from '@switchboard/testing';

export interface ServiceRuntime {
  readonly service: string;
  /** Event-loop delay over the phase (prom-client resets its histogram at every scrape), ms. */
  readonly loopDelayP99Ms: number;
  readonly loopDelayMaxMs: number;
  /** Young-generation collections (scavenges) in the phase and their mean pause, ms. */
  readonly minorGcs: number;
  readonly minorGcMeanMs: number;
  /** Mark-compact collections in the phase and their mean pause, ms. */
  readonly majorGcs: number;
  readonly majorGcMeanMs: number;
}

const PREFIX = 'switchboard_nodejs_';

const gc = (s: MetricsScrape, kind: string, part: 'sum' | 'count') => s.sum(`${PREFIX}gc_duration_seconds_${part}`, (labels) => labels['kind'] === kind);

/**
 * Scrapes every service at the start of a phase (which also resets their event-loop histograms)
 * and again at its end. Nothing else may scrape them meanwhile: the event-loop figures would then
 * cover only the time since that scrape.
 */
export class ServiceRuntimeSampler {
  private constructor(
    private readonly services: readonly { service: string; base: string }[],
    private readonly before: MetricsScrape[],
  ) {}

  static async start(services: readonly { service: string; base: string }[]): Promise<ServiceRuntimeSampler> {
    return new ServiceRuntimeSampler(services, await Promise.all(services.map((s) => MetricsScrape.of(s.base))));
  }

  async stop(): Promise<ServiceRuntime[]> {
    const after = await Promise.all(this.services.map((s) => MetricsScrape.of(s.base)));
    return this.services.map(({ service }, i) => {
      const [b, a] = [this.before[i], after[i]];
      const count = (kind: string) => gc(a, kind, 'count') - gc(b, kind, 'count');
      const meanMs = (kind: string) => (count(kind) > 0 ? ((gc(a, kind, 'sum') - gc(b, kind, 'sum')) / count(kind)) * 1_000 : 0);
      return {
        service,
        loopDelayP99Ms: a.sum(`${PREFIX}eventloop_lag_p99_seconds`) * 1_000,
        loopDelayMaxMs: a.sum(`${PREFIX}eventloop_lag_max_seconds`) * 1_000,
        minorGcs: count('minor'),
        minorGcMeanMs: meanMs('minor'),
        majorGcs: count('major'),
        majorGcMeanMs: meanMs('major'),
      };
    });
  }
}

/** One line: `order loop p99/max 63/91 ms, 55 scavenges of 12.3 ms, 1 mark-compact of 27.1 ms; …` */
export const serviceRuntimeLine = (runtimes: readonly ServiceRuntime[]) =>
  runtimes
    .map(
      (r) =>
        `${r.service} loop p99/max ${r.loopDelayP99Ms.toFixed(0)}/${r.loopDelayMaxMs.toFixed(0)} ms, ` +
        `${r.minorGcs} scavenges of ${r.minorGcMeanMs.toFixed(1)} ms` +
        (r.majorGcs > 0 ? `, ${r.majorGcs} mark-compact of ${r.majorGcMeanMs.toFixed(1)} ms` : ''),
    )
    .join('; ');
