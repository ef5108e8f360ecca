import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { WebhookMode } from './webhook-touchpoint';

export type InboundWebhookStatus = 'pending' | 'processed' | 'dead';

/** A row of `inbound_webhooks` (see webhookMigrations). */
export interface InboundWebhook {
  readonly source: string;
  readonly webhookId: string;
  readonly sentAt: Date;
  readonly receivedAt: Date;
  readonly payload: unknown;
  readonly status: InboundWebhookStatus;
  /** The handler's outcome; for a dead row refused by the handler, `{ reason }`. */
  readonly result: unknown;
  /** The answer given to the first delivery when it is fixed at once (202 in async mode). */
  readonly responseStatus: number | null;
  /** Tries that ended: those whose outcome was recorded, and those that died holding the row. */
  readonly attempts: number;
  /** When a pending row is due; while a try holds it, the end of that try's lease. */
  readonly nextAttemptAt: Date;
  readonly lastError: string | null;
  readonly processedAt: Date | null;
  /** The token of the try that holds the row (until `nextAttemptAt`); null when none does. */
  readonly claimToken: string | null;
}

interface Row {
  source: string;
  webhook_id: string;
  sent_at: Date;
  received_at: Date;
  payload: unknown;
  status: InboundWebhookStatus;
  result: unknown;
  response_status: number | null;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  processed_at: Date | null;
  claim_token: string | null;
}

const toWebhook = (row: Row): InboundWebhook => ({
  source: row.source,
  webhookId: row.webhook_id,
  sentAt: row.sent_at,
  receivedAt: row.received_at,
  payload: row.payload,
  status: row.status,
  result: row.result,
  responseStatus: row.response_status,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  lastError: row.last_error,
  processedAt: row.processed_at,
  claimToken: row.claim_token,
});

/** What recording a try's outcome did: `recorded` false when the try no longer held the row. */
export interface RecordedOutcome {
  readonly recorded: boolean;
  /** The row as it stands afterwards. */
  readonly webhook: InboundWebhook | undefined;
}

/**
 * Taking over a row that still holds a claim means the try holding it never recorded an outcome
 * (its process died, maybe because of this very delivery): it counts as a failed attempt, so a
 * delivery that kills every worker ends dead after `maxAttempts` instead of looping forever.
 */
const LOST_TRY = 'the try holding it ended without an outcome (its process died or it outlived its lease)';

// TypeORM answers a bare UPDATE with [rows, count]; wrapping it in a CTE gives plain rows.
const updated = (sql: string) => `WITH changed AS (${sql} RETURNING *) SELECT * FROM changed`;

/** The `inbound_webhooks` table: storing deliveries, claiming them, recording outcomes, and the operators' view. */
export class WebhookInbox {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores a verified delivery unless (source, id) is already there, and answers the stored row
   * (undefined for a duplicate). Async rows are due at once and answered 202 for good; a sync row
   * is claimed by its request for `leaseMs`, after which anyone may take it over (the request died).
   */
  async store(
    delivery: { source: string; id: string; sentAt: Date; payload: unknown },
    mode: WebhookMode,
    leaseMs: number,
  ): Promise<InboundWebhook | undefined> {
    const sync = mode === 'sync';
    const rows: Row[] = await this.dataSource.query(
      `INSERT INTO inbound_webhooks (source, webhook_id, sent_at, payload, status, response_status, claim_token, next_attempt_at)
       VALUES ($1, $2, $3, $4::jsonb, 'pending', $5, $6, now() + make_interval(secs => $7::double precision / 1000))
       ON CONFLICT (source, webhook_id) DO NOTHING RETURNING *`,
      [delivery.source, delivery.id, delivery.sentAt, JSON.stringify(delivery.payload), sync ? null : 202, sync ? randomUUID() : null, sync ? leaseMs : 0],
    );
    return rows[0] && toWebhook(rows[0]);
  }

  async find(source: string, id: string): Promise<InboundWebhook | undefined> {
    const rows: Row[] = await this.dataSource.query('SELECT * FROM inbound_webhooks WHERE source = $1 AND webhook_id = $2', [source, id]);
    return rows[0] && toWebhook(rows[0]);
  }

  /**
   * Claims the most overdue pending row of these sources for `leaseMs`, in one short statement
   * (SKIP LOCKED: concurrent claims take different rows); the row is due again when the lease ends.
   */
  async claimDue(sources: readonly string[], leaseMs: number): Promise<InboundWebhook | undefined> {
    const rows: Row[] = await this.dataSource.query(
      updated(`UPDATE inbound_webhooks SET attempts = attempts + CASE WHEN claim_token IS NULL THEN 0 ELSE 1 END,
               last_error = CASE WHEN claim_token IS NULL THEN last_error ELSE '${LOST_TRY}' END,
               claim_token = $2, next_attempt_at = now() + make_interval(secs => $3::double precision / 1000)
               WHERE (source, webhook_id) = (
                 SELECT source, webhook_id FROM inbound_webhooks
                 WHERE status = 'pending' AND next_attempt_at <= now() AND source = ANY($1)
                 ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)`),
      [sources, randomUUID(), leaseMs],
    );
    return rows[0] && toWebhook(rows[0]);
  }

  /**
   * Claims this pending row for `leaseMs` if it is still as seen (`seen.claimToken`) and no try
   * holds it: never claimed since its last outcome, or its holder's lease is over.
   */
  async claim(seen: InboundWebhook, leaseMs: number): Promise<InboundWebhook | undefined> {
    const rows: Row[] = await this.dataSource.query(
      updated(`UPDATE inbound_webhooks SET attempts = attempts + CASE WHEN claim_token IS NULL THEN 0 ELSE 1 END,
               last_error = CASE WHEN claim_token IS NULL THEN last_error ELSE '${LOST_TRY}' END,
               claim_token = $4, next_attempt_at = now() + make_interval(secs => $5::double precision / 1000)
               WHERE source = $1 AND webhook_id = $2 AND status = 'pending' AND claim_token IS NOT DISTINCT FROM $3::uuid
                 AND (claim_token IS NULL OR next_attempt_at <= now())`),
      [seen.source, seen.webhookId, seen.claimToken, randomUUID(), leaseMs],
    );
    return rows[0] && toWebhook(rows[0]);
  }

  /** Records the try's success, if the try still holds the row. */
  async markProcessed(claimed: InboundWebhook, result: unknown): Promise<RecordedOutcome> {
    return this.recordOutcome(
      claimed,
      `status = 'processed', result = $4::jsonb, processed_at = now(), last_error = NULL, response_status = COALESCE(response_status, 200)`,
      [JSON.stringify(result ?? null)],
    );
  }

  /**
   * Records a failed try, if it still holds the row: due again after `retryInMs`, or dead (with
   * `result`, the reason the sender may see).
   */
  async markFailed(
    claimed: InboundWebhook,
    failure: { error: string; dead: boolean; retryInMs: number; result?: unknown },
  ): Promise<RecordedOutcome> {
    return this.recordOutcome(
      claimed,
      `last_error = $4, status = CASE WHEN $5::boolean THEN 'dead' ELSE 'pending' END, result = $7::jsonb,
       next_attempt_at = now() + make_interval(secs => $6::double precision / 1000)`,
      [failure.error, failure.dead, failure.retryInMs, failure.result === undefined ? null : JSON.stringify(failure.result)],
    );
  }

  /**
   * One short statement, guarded by the claim: a try whose lease ran out and whose row was taken
   * over (and maybe settled) changes nothing, and gets the row as the newer try left it.
   */
  private async recordOutcome(claimed: InboundWebhook, set: string, parameters: unknown[]): Promise<RecordedOutcome> {
    const rows: Row[] = await this.dataSource.query(
      updated(`UPDATE inbound_webhooks SET ${set}, attempts = attempts + 1, claim_token = NULL
               WHERE source = $1 AND webhook_id = $2 AND status = 'pending' AND claim_token = $3::uuid`),
      [claimed.source, claimed.webhookId, claimed.claimToken, ...parameters],
    );
    if (rows[0]) return { recorded: true, webhook: toWebhook(rows[0]) };
    return { recorded: false, webhook: await this.find(claimed.source, claimed.webhookId) };
  }

  /** The operators' view: deliveries given up on, newest first. */
  async dead(options: { source?: string; limit?: number } = {}): Promise<InboundWebhook[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT * FROM inbound_webhooks WHERE status = 'dead' AND ($1::text IS NULL OR source = $1)
       ORDER BY received_at DESC LIMIT $2`,
      [options.source ?? null, options.limit ?? 100],
    );
    return rows.map(toWebhook);
  }

  /** Puts a dead delivery back in the queue (after the fix), with a fresh count of attempts. */
  async retryDead(source: string, id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      updated(`UPDATE inbound_webhooks SET status = 'pending', attempts = 0, next_attempt_at = now(), result = NULL
               WHERE source = $1 AND webhook_id = $2 AND status = 'dead'`),
      [source, id],
    );
    return rows.length === 1;
  }
}
