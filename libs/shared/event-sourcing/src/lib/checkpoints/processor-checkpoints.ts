import type { Position } from '../event-store.port';
import { failUnlessFound } from '../postgres/fail-unless-found';

/**
 * Anything that runs SQL with positional parameters: a pg Pool or PoolClient (resolves to
 * `{ rows }`), a TypeORM DataSource, EntityManager or QueryRunner (resolves to the rows).
 * Pass a transaction's client/manager to write a checkpoint atomically with an effect.
 */
export interface SqlQueryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

interface CheckpointRow {
  processor_id: string;
  commit_position: string | null;
  prepare_position: string | null;
}

/** The SQLSTATE of `moveOrFailStatement` when another writer moved the checkpoint. */
export const CHECKPOINT_MOVED_SQLSTATE = 'SB001';

/**
 * Reads and writes `processor_checkpoints` (see checkpointMigrations): where a relay, reactor or
 * projection resumes after a restart. Table names are unqualified: `db` must have the service
 * schema on its search_path.
 */
export const ProcessorCheckpoints = {
  /** Creates the row (at "nothing processed") unless it exists, so it can be locked. */
  async ensure(db: SqlQueryable, processorId: string): Promise<void> {
    await db.query(
      'INSERT INTO processor_checkpoints (processor_id) VALUES ($1) ON CONFLICT (processor_id) DO NOTHING',
      [processorId],
    );
  },

  /**
   * The stored position; null when the processor never checkpointed or was reset. `forUpdate`
   * (inside a transaction) serialises every writer of this processor, e.g. projection replicas.
   */
  async read(db: SqlQueryable, processorId: string, { forUpdate = false } = {}): Promise<Position | null> {
    const rows = rowsOf<CheckpointRow>(
      await db.query(
        `SELECT processor_id, commit_position::text, prepare_position::text
         FROM processor_checkpoints WHERE processor_id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
        [processorId],
      ),
    );
    return rows.length === 0 ? null : toPosition(rows[0]);
  },

  /** Checkpoints of several processors in one query; a missing one reads as null. */
  async readMany(db: SqlQueryable, processorIds: readonly string[]): Promise<Map<string, Position | null>> {
    const rows = rowsOf<CheckpointRow>(
      await db.query(
        `SELECT processor_id, commit_position::text, prepare_position::text
         FROM processor_checkpoints WHERE processor_id = ANY($1)`,
        [processorIds],
      ),
    );
    const found = new Map(rows.map((row) => [row.processor_id, toPosition(row)]));
    return new Map(processorIds.map((id) => [id, found.get(id) ?? null]));
  },

  /**
   * Moves the checkpoint from `from` to `to` only if it still is at `from` (an optimistic check,
   * for writers that read it without a lock); false when another writer moved it meanwhile, and
   * the caller must roll back. It waits for a concurrent writer's transaction to end, so it never
   * passes a move that is about to commit. The row must exist (`ensure`).
   */
  async move(db: SqlQueryable, processorId: string, from: Position | null, to: Position | null): Promise<boolean> {
    const rows = rowsOf<{ moved: number }>(
      await db.query(
        `WITH moved AS (
           UPDATE processor_checkpoints
              SET commit_position = $4, prepare_position = $5, updated_at = now()
            WHERE processor_id = $1 AND commit_position IS NOT DISTINCT FROM $2::numeric AND prepare_position IS NOT DISTINCT FROM $3::numeric
           RETURNING 1)
         SELECT count(*)::int AS moved FROM moved`,
        [processorId, from?.commit.toString() ?? null, from?.prepare.toString() ?? null, to?.commit.toString() ?? null, to?.prepare.toString() ?? null],
      ),
    );
    return rows[0]?.moved === 1;
  },

  /**
   * The same move as one statement with its values inlined, which FAILS (SQLSTATE
   * CHECKPOINT_MOVED_SQLSTATE) instead of answering false: for a caller that sends a whole
   * transaction in one round trip, where a failure must stop the COMMIT that follows.
   */
  moveOrFailStatement(processorId: string, from: Position | null, to: Position | null): string {
    const value = (v: bigint | undefined) => (v === undefined ? 'NULL' : v.toString());
    const name = processorId.replace(/'/g, "''");
    return failUnlessFound(
      `UPDATE processor_checkpoints
          SET commit_position = ${value(to?.commit)}, prepare_position = ${value(to?.prepare)}, updated_at = now()
        WHERE processor_id = '${name}'
          AND commit_position IS NOT DISTINCT FROM ${value(from?.commit)}::numeric
          AND prepare_position IS NOT DISTINCT FROM ${value(from?.prepare)}::numeric`,
      CHECKPOINT_MOVED_SQLSTATE,
      `checkpoint of ${processorId} moved meanwhile`,
    );
  },

  /** Upserts the position; null resets the processor to "from the beginning". */
  async write(db: SqlQueryable, processorId: string, position: Position | null): Promise<void> {
    await db.query(
      `INSERT INTO processor_checkpoints (processor_id, commit_position, prepare_position, updated_at)
       VALUES ($1, $2, $3, now())
       ON CONFLICT (processor_id) DO UPDATE
         SET commit_position = EXCLUDED.commit_position, prepare_position = EXCLUDED.prepare_position, updated_at = now()`,
      [processorId, position?.commit.toString() ?? null, position?.prepare.toString() ?? null],
    );
  },
} as const;

function rowsOf<Row>(result: unknown): Row[] {
  if (Array.isArray(result)) return result as Row[];
  return ((result as { rows?: Row[] } | undefined)?.rows ?? []) as Row[];
}

function toPosition(row: CheckpointRow): Position | null {
  if (row.commit_position === null || row.prepare_position === null) return null;
  return { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) };
}
