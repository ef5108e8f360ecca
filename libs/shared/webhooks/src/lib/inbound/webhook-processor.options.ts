export interface WebhookProcessorOptions {
  /** How often idle workers look for due rows (default 1 s); a stored async delivery wakes them at once. */
  readonly pollIntervalMs?: number;
  /** Rows processed at once by this replica (default 2). */
  readonly concurrency?: number;
  /** Tries before a delivery is dead (default 8). */
  readonly maxAttempts?: number;
  /** Backoff between tries: full jitter, doubling from `baseDelayMs` up to `maxDelayMs` (default 1 s … 5 min). */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /**
   * How long a worker owns a row it claimed (default 60 s): past it (the worker died, or the
   * handler overran) another worker takes the row and runs the handler again, and the late try's
   * outcome is not recorded. Keep it above the handler's longest run, its callouts' budgets included.
   */
  readonly processingLeaseMs?: number;
  /**
   * How long a sync request owns its row before a worker or a replay takes over (default 30 s),
   * and how long a replay waits for the outcome of the try holding the row.
   */
  readonly syncLeaseMs?: number;
  /** false: no background workers (sync mode and `drain()` still work); default true. */
  readonly enabled?: boolean;
}

export const WEBHOOK_MODULE_OPTIONS = Symbol('WEBHOOK_MODULE_OPTIONS');

export interface WebhookModuleOptions {
  /** The @nestjs/typeorm data source name, when not the default one. */
  readonly dataSourceName?: string;
  readonly processor?: WebhookProcessorOptions;
}
