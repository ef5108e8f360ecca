import type { DataSource, EntityManager } from 'typeorm';
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
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly lastError: string | null;
  readonly processedAt: Date | null;
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
});

// TypeORM answers a bare UPDATE with [rows, count]; wrapping it in a CTE gives plain rows.
const updated = (sql: string) => `WITH changed AS (${sql} RETURNING *) SELECT * FROM changed`;

/** The `inbound_webhooks` table: storing deliveries, claiming them, recording outcomes, and the operators' view. */
export class WebhookInbox {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores a verified delivery unless (source, id) is already there. Async rows are due at once
   * and answered 202 for good; a sync row is leased to its request for `leaseMs`, after which
   * the processor takes it over (the request died).
   */
  async store(delivery: { source: string; id: string; sentAt: Date; payload: unknown }, mode: WebhookMode, leaseMs: number): Promise<'stored' | 'duplicate'> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO inbound_webhooks (source, webhook_id, sent_at, payload, status, response_status, next_attempt_at)
       VALUES ($1, $2, $3, $4::jsonb, 'pending', $5, now() + make_interval(secs => $6::double precision / 1000))
       ON CONFLICT (source, webhook_id) DO NOTHING RETURNING webhook_id`,
      [delivery.source, delivery.id, delivery.sentAt, JSON.stringify(delivery.payload), mode === 'async' ? 202 : null, mode === 'async' ? 0 : leaseMs],
    );
    return rows.length === 1 ? 'stored' : 'duplicate';
  }

  async find(source: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<InboundWebhook | undefined> {
    const rows: Row[] = await manager.query('SELECT * FROM inbound_webhooks WHERE source = $1 AND webhook_id = $2', [source, id]);
    return rows[0] && toWebhook(rows[0]);
  }

  /** Locks one row for its processing, waiting for whoever holds it (the sync path). */
  async lock(manager: EntityManager, source: string, id: string): Promise<InboundWebhook | undefined> {
    const rows: Row[] = await manager.query('SELECT * FROM inbound_webhooks WHERE source = $1 AND webhook_id = $2 FOR UPDATE', [source, id]);
    return rows[0] && toWebhook(rows[0]);
  }

  /** Locks the most overdue pending row of these sources that nobody else holds. */
  async claimDue(manager: EntityManager, sources: readonly string[]): Promise<InboundWebhook | undefined> {
    const rows: Row[] = await manager.query(
      `SELECT * FROM inbound_webhooks
       WHERE status = 'pending' AND next_attempt_at <= now() AND source = ANY($1)
       ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [sources],
    );
    return rows[0] && toWebhook(rows[0]);
  }

  async markProcessed(manager: EntityManager, webhook: InboundWebhook, result: unknown): Promise<InboundWebhook> {
    const rows: Row[] = await manager.query(
      updated(`UPDATE inbound_webhooks SET status = 'processed', result = $3::jsonb, attempts = attempts + 1, processed_at = now(),
               last_error = NULL, response_status = COALESCE(response_status, 200)
               WHERE source = $1 AND webhook_id = $2`),
      [webhook.source, webhook.webhookId, JSON.stringify(result ?? null)],
    );
    return toWebhook(rows[0]);
  }

  /** Records a failed try: due again after `retryInMs`, or dead (with `result`, the reason the sender may see). */
  async markFailed(
    manager: EntityManager,
    webhook: InboundWebhook,
    failure: { error: string; dead: boolean; retryInMs: number; result?: unknown },
  ): Promise<InboundWebhook> {
    const rows: Row[] = await manager.query(
      updated(`UPDATE inbound_webhooks SET attempts = attempts + 1, last_error = $3,
               status = CASE WHEN $4::boolean THEN 'dead' ELSE 'pending' END,
               result = $6::jsonb,
               next_attempt_at = now() + make_interval(secs => $5::double precision / 1000)
               WHERE source = $1 AND webhook_id = $2`),
      [webhook.source, webhook.webhookId, failure.error, failure.dead, failure.retryInMs, failure.result === undefined ? null : JSON.stringify(failure.result)],
    );
    return toWebhook(rows[0]);
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
