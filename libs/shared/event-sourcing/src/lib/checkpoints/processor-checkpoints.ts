import type { Position } from '../event-store.port';

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
