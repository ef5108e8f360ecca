// How far back the oldest open transaction holds PostgreSQL's xmin while a bench runs. The event
// store's subscriptions read only events below pg_snapshot_xmin(pg_current_snapshot()), so any
// transaction in the cluster that holds a transaction id delays every subscriber of every service
// until it ends: this age bounds how soon any subscriber can see an event. Sampled, with the
// statement that transaction last ran, so the long holders (say, idle in transaction while Node is
// busy elsewhere) can be named.
import { TEST_DATABASE_URL } from '@switchboard/testing';
import { Client } from 'pg';
import { percentile } from './http-load';

const SAMPLE_EVERY_MS = 100;
/** Samples older than this count towards the statements reported. */
const LONG_MS = 100;
const STATEMENT_CHARS = 80;

export interface XminHoldback {
  readonly samples: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** The three statements (with the holder's state) seen most often in samples older than LONG_MS. */
  readonly topLong: readonly { readonly statement: string; readonly count: number }[];
}

interface Oldest {
  readonly age_ms: number;
  readonly state: string | null;
  readonly query: string | null;
}

// Cluster-wide on purpose: an xid held in any database holds back the snapshot xmin of all of them.
const OLDEST_XID_HOLDER = `
  SELECT (extract(epoch FROM clock_timestamp() - xact_start) * 1000)::float8 AS age_ms, state, query
  FROM pg_stat_activity
  WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()
  ORDER BY xact_start
  LIMIT 1`;

/** One line per kind of statement: the throwaway schema names, uuids and numbers replaced. */
const statementKind = (query: string): string => {
  const kind = query
    .replace(/"?\b[a-z][a-z0-9_]*_[0-9a-f]{10}\b"?/gi, '<schema>')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>')
    .replace(/(?<![\w$])\d+(\.\d+)?\b/g, '<n>')
    .replace(/\s+/g, ' ')
    .trim();
  return kind.length > STATEMENT_CHARS ? `${kind.slice(0, STATEMENT_CHARS)} ...` : kind;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Samples on its own connection from `start()` until `stop()`. */
export class XminHoldbackSampler {
  private readonly agesMs: number[] = [];
  private readonly longStatements = new Map<string, number>();
  private stopped = false;
  private running: Promise<void> = Promise.resolve();

  private constructor(private readonly client: Client) {}

  static async start(): Promise<XminHoldbackSampler> {
    const client = new Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    const sampler = new XminHoldbackSampler(client);
    sampler.running = sampler.loop();
    // A failed sample surfaces from stop(), not as an unhandled rejection mid-phase.
    sampler.running.catch(() => undefined);
    return sampler;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const [oldest] = (await this.client.query<Oldest>(OLDEST_XID_HOLDER)).rows;
      const ageMs = oldest?.age_ms ?? 0;
      this.agesMs.push(ageMs);
      if (ageMs > LONG_MS) {
        const statement = `${oldest.state ?? 'unknown'}: ${statementKind(oldest.query ?? '')}`;
        this.longStatements.set(statement, (this.longStatements.get(statement) ?? 0) + 1);
      }
      await sleep(SAMPLE_EVERY_MS);
    }
  }

  async stop(): Promise<XminHoldback> {
    this.stopped = true;
    try {
      await this.running;
    } finally {
      await this.client.end();
    }
    const sorted = [...this.agesMs].sort((a, b) => a - b);
    return {
      samples: sorted.length,
      p50Ms: percentile(sorted, 50) ?? 0,
      p90Ms: percentile(sorted, 90) ?? 0,
      p99Ms: percentile(sorted, 99) ?? 0,
      maxMs: sorted[sorted.length - 1] ?? 0,
      topLong: [...this.longStatements]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([statement, count]) => ({ statement, count })),
    };
  }
}
