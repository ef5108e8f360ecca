import type { SqlQueryable } from './processor-checkpoints';

/**
 * Time-boxed leases in `processor_leases` (see checkpointMigrations): which replica of a service
 * runs a processor that must run once (the relay). The holder renews before the lease expires;
 * a replica that stops renewing (crashed, partitioned) loses it after `ttlMs`, and another takes
 * over from the shared checkpoint. Expiry is judged by the database clock, never the replicas'.
 */
export const ProcessorLeases = {
  /** Takes the lease when free or expired, renews it when `owner` holds it; true when `owner` holds it now. */
  async acquire(db: SqlQueryable, processorId: string, owner: string, ttlMs: number): Promise<boolean> {
    const result = await db.query(
      `INSERT INTO processor_leases (processor_id, owner, expires_at)
       VALUES ($1, $2, now() + $3 * interval '1 millisecond')
       ON CONFLICT (processor_id) DO UPDATE
         SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at
         WHERE processor_leases.owner = EXCLUDED.owner OR processor_leases.expires_at < now()
       RETURNING owner`,
      [processorId, owner, ttlMs],
    );
    const rows = Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? []);
    return rows.length === 1;
  },

  /** Gives the lease up at once (a graceful stop), so another replica need not wait for it to expire. */
  async release(db: SqlQueryable, processorId: string, owner: string): Promise<void> {
    await db.query('DELETE FROM processor_leases WHERE processor_id = $1 AND owner = $2', [
      processorId,
      owner,
    ]);
  },
} as const;
