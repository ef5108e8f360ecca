import { preparedQuery } from '@switchboard/projections';
import type { DataSource } from 'typeorm';
import { IdempotencyKeyInProgress, IdempotencyKeyReused } from './idempotency.errors';

/** The answer stored for a key and replayed to every repeat of the request. */
export interface StoredResponse {
  readonly status: number;
  readonly body: unknown;
}

/** `run`: this request owns the key and runs the handler; `replay`: answer with the stored response. */
export type Claim = { readonly kind: 'run' } | { readonly kind: 'replay'; readonly response: StoredResponse };

interface KeyRow {
  request_hash: string;
  status: 'pending' | 'completed';
  response: StoredResponse | null;
}

/**
 * The `idempotency_keys` table (see idempotencyMigrations). A key is claimed by inserting a
 * pending row (the primary key makes exactly one of two concurrent requests win), completed with
 * the answer, or released (deleted) when the request failed so a retry can run it.
 */
export class IdempotencyStore {
  constructor(
    private readonly dataSource: DataSource,
    /** A pending row older than this belongs to a request that died (crash, kill): a retry may take it over. */
    private readonly staleAfterMs: number,
  ) {}

  async claim(scope: string, key: string, hash: string): Promise<Claim> {
    // Two rounds: a row released between our insert and our read is claimed again.
    for (let round = 0; round < 2; round++) {
      // The claim and the completion run on every keyed request: prepared, planned once per connection.
      const inserted = await preparedQuery(
        this.dataSource,
        `INSERT INTO idempotency_keys (scope, key, request_hash, status) VALUES ($1, $2, $3, 'pending')
         ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
        [scope, key, hash],
      );
      if (inserted.length === 1) return { kind: 'run' };

      // Wrapped in a SELECT: TypeORM answers a bare UPDATE with [rows, count], a SELECT with rows.
      const takenOver: unknown[] = await this.dataSource.query(
        `WITH taken AS (
           UPDATE idempotency_keys SET created_at = now()
           WHERE scope = $1 AND key = $2 AND request_hash = $3 AND status = 'pending'
             AND created_at < now() - make_interval(secs => $4::double precision / 1000)
           RETURNING key)
         SELECT key FROM taken`,
        [scope, key, hash, this.staleAfterMs],
      );
      if (takenOver.length === 1) return { kind: 'run' };

      const rows: KeyRow[] = await this.dataSource.query(
        'SELECT request_hash, status, response FROM idempotency_keys WHERE scope = $1 AND key = $2',
        [scope, key],
      );
      const row = rows[0];
      if (!row) continue;
      if (row.request_hash !== hash) throw new IdempotencyKeyReused(key);
      if (row.status === 'completed' && row.response) return { kind: 'replay', response: row.response };
      throw new IdempotencyKeyInProgress(key);
    }
    throw new IdempotencyKeyInProgress(key);
  }

  async complete(scope: string, key: string, response: StoredResponse): Promise<void> {
    await preparedQuery(
      this.dataSource,
      `UPDATE idempotency_keys SET status = 'completed', response = $3::jsonb, completed_at = now()
       WHERE scope = $1 AND key = $2`,
      [scope, key, JSON.stringify(response)],
    );
  }

  /** Forgets a pending key after a failed request, so the client's retry runs it afresh. */
  async release(scope: string, key: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND status = 'pending'`,
      [scope, key],
    );
  }
}
