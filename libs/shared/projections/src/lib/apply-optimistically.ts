import { handleOnce, type InboxOutcome } from '@switchboard/messaging';
import type { ClientBase, DatabaseError } from 'pg';
import type { DataSource } from 'typeorm';
import { projectEvent } from './project-event';
import type { ProjectedEvent, Projection } from './projection';
import { changeOneRowOrFail, ROW_CHANGED_SQLSTATE } from './rows/change-one-row-or-fail';
import { inlineParameters } from './rows/inline-parameters';
import { RowStatements, VERSION_COLUMN } from './rows/row-statements';

/** Tries before an event whose row other writers keep changing is left to the locked path. */
const MAX_TRIES = 10;
export const RECORD_IN_INBOX = 'INSERT INTO inbox (consumer, event_id) VALUES ($1, $2)';
export const UNIQUE_VIOLATION = '23505';

/**
 * One integration event on its own: for a plain entity keyed by primary key (see RowStatements)
 * the row is read without a lock or a transaction, and BEGIN, the inbox row, the write (guarded by
 * the row's version) and COMMIT go as one query: two round trips, and no transaction open while
 * the process does anything else. A row another writer changed in between makes the write fail
 * and the event is applied again to the row as it is now; after MAX_TRIES, or for any other
 * entity, handleOnce with the row locked.
 */
export async function applyAlone<Row extends object, Event extends ProjectedEvent>(
  dataSource: DataSource,
  projection: Projection<Row, Event>,
  event: Event,
): Promise<InboxOutcome> {
  const key = projection.key(event);
  const statements = RowStatements.of(dataSource, projection.entity);
  if (statements && typeof key !== 'object') {
    const queryRunner = dataSource.createQueryRunner();
    try {
      const client = (await queryRunner.connect()) as ClientBase;
      for (let tries = 1; tries <= MAX_TRIES; tries++) {
        const outcome = await applyOptimistically(client, statements, projection, event, key);
        if (outcome === 'moves-key') break;
        if (outcome !== 'row-changed') return outcome;
      }
    } finally {
      await queryRunner.release();
    }
  }
  return handleOnce(dataSource, projection.name, event.id, async (manager) => {
    await projectEvent(manager, projection, event);
  });
}

/**
 * One try: read, evolve, then the inbox row and the write in one transaction sent as one query.
 * 'row-changed' when another writer wrote the row since it was read; 'moves-key' for an evolve
 * that moves the row to another key (TypeORM's save, in handleOnce, writes that).
 */
async function applyOptimistically<Row extends object, Event extends ProjectedEvent>(
  client: ClientBase,
  statements: RowStatements,
  projection: Projection<Row, Event>,
  event: Event,
  key: string | number,
): Promise<InboxOutcome | 'row-changed' | 'moves-key'> {
  const [select, parameters] = statements.select([key], { lock: false, versioned: true });
  const raw = (await client.query(select, parameters)).rows[0] as Record<string, unknown> | undefined;
  const write = writeFor(statements, projection, event, key, raw);
  if (write === 'moves-key') return write;
  const record = inlineParameters(RECORD_IN_INBOX, [projection.name, event.id]);
  if (write === null) {
    const { rowCount } = await client.query(`${record} ON CONFLICT (consumer, event_id) DO NOTHING`);
    return rowCount === 1 ? 'applied' : 'duplicate';
  }
  try {
    await client.query(['BEGIN', record, write, 'COMMIT'].join(';\n'));
    return 'applied';
  } catch (error) {
    await client.query('ROLLBACK');
    const { code, table } = error as DatabaseError;
    if (code === UNIQUE_VIOLATION && table === 'inbox') return 'duplicate';
    // Changed, deleted or inserted by another writer since the read.
    if (code === ROW_CHANGED_SQLSTATE || code === UNIQUE_VIOLATION) return 'row-changed';
    throw error;
  }
}

/**
 * Evolves the row read with a versioned select (`raw`; none: absent) by the event, and returns the
 * statement that writes the result, guarded by the version read; null when there is nothing to
 * write, 'moves-key' when the result has another key.
 */
export function writeFor<Row extends object, Event extends ProjectedEvent>(
  statements: RowStatements,
  projection: Projection<Row, Event>,
  event: Event,
  key: string | number,
  raw: Record<string, unknown> | undefined,
): string | null | 'moves-key' {
  const row = raw ? (statements.hydrate(raw) as Row) : null;
  const next = projection.evolve(row, event);
  return next === row ? null : writeOf(statements, key, next, raw?.[VERSION_COLUMN] as string | undefined);
}

function writeOf(statements: RowStatements, key: string | number, next: object | null, version: string | undefined): string | null | 'moves-key' {
  if (next === null) return version === undefined ? null : changeOneRowOrFail(inlineParameters(...statements.delete(key, version)));
  if (statements.keyOf(next) !== String(key)) return 'moves-key';
  if (version === undefined) return inlineParameters(...statements.insert(next, false));
  const update = statements.update(next, false, version);
  return update && changeOneRowOrFail(inlineParameters(...update));
}
