import type { Position } from '@switchboard/event-sourcing';
import type { DataSource, EntityManager } from 'typeorm';

/** What runs SQL: the DataSource (autocommit) or a transaction's manager. */
type Queryable = Pick<DataSource | EntityManager, 'query'>;

interface CheckpointRow {
  projection: string;
  commit_position: string | null;
  prepare_position: string | null;
}

/** Reads and writes `projection_checkpoints` (see projectionMigrations). */
export const ProjectionCheckpoints = {
  /** Creates the checkpoint row (at "nothing projected") unless it exists, so it can be locked. */
  async ensure(db: Queryable, projection: string): Promise<void> {
    await db.query(
      'INSERT INTO projection_checkpoints (projection) VALUES ($1) ON CONFLICT (projection) DO NOTHING',
      [projection],
    );
  },

  /** `forUpdate` (inside a transaction) serialises every writer of this projection. */
  async read(db: Queryable, projection: string, { forUpdate = false } = {}): Promise<Position | null> {
    const rows: CheckpointRow[] = await db.query(
      `SELECT projection, commit_position, prepare_position FROM projection_checkpoints WHERE projection = $1${
        forUpdate ? ' FOR UPDATE' : ''
      }`,
      [projection],
    );
    return rows.length === 0 ? null : toPosition(rows[0]);
  },

  /** Checkpoints of several projections in one query; a missing one reads as null. */
  async readMany(db: Queryable, projections: readonly string[]): Promise<Map<string, Position | null>> {
    const rows: CheckpointRow[] = await db.query(
      'SELECT projection, commit_position, prepare_position FROM projection_checkpoints WHERE projection = ANY($1)',
      [projections],
    );
    const found = new Map(rows.map((row) => [row.projection, toPosition(row)]));
    return new Map(projections.map((name) => [name, found.get(name) ?? null]));
  },

  async write(db: Queryable, projection: string, position: Position | null): Promise<void> {
    await db.query(
      `INSERT INTO projection_checkpoints (projection, commit_position, prepare_position, updated_at)
       VALUES ($1, $2, $3, now())
       ON CONFLICT (projection) DO UPDATE
         SET commit_position = EXCLUDED.commit_position, prepare_position = EXCLUDED.prepare_position, updated_at = now()`,
      [projection, position?.commit.toString() ?? null, position?.prepare.toString() ?? null],
    );
  },
} as const;

function toPosition(row: CheckpointRow): Position | null {
  if (row.commit_position === null || row.prepare_position === null) return null;
  return { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) };
}
