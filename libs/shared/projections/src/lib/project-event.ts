import type { EntityManager, FindOptionsWhere } from 'typeorm';
import type { ProjectedEvent, Projection, RowKey } from './projection';
import { LockedRows, RowMovesKeyError, type CommittedRows, type WrapStatements } from './rows/locked-rows';
import { RowStatements } from './rows/row-statements';

export type ProjectionEffect = 'saved' | 'deleted' | 'unchanged';

/**
 * Applies one event to the read model inside the caller's transaction: load the row (locked,
 * so concurrent writers of the same row queue up instead of losing an update), evolve, then
 * insert, update or delete it. The caller commits it together with its checkpoint or inbox row.
 */
export async function projectEvent<Row extends object, Event extends ProjectedEvent>(
  manager: EntityManager,
  projection: Projection<Row, Event>,
  event: Event,
): Promise<ProjectionEffect> {
  const [effect] = await projectEvents(manager, projection, [event]);
  return effect;
}

export interface ProjectEventsOptions {
  /**
   * Lock the rows read (default). False only where the caller already keeps a second writer of
   * these rows from committing (the projection runner's checkpoint check): then the transaction
   * holds no transaction id until its first write, and holds back no subscriber meanwhile.
   */
  readonly lockRows?: boolean;
}

/**
 * Applies events in order inside the caller's transaction, as projectEvent each would: the rows
 * of all of them are locked and read in one query, and each change is one statement. For a plain
 * read-model entity (see RowStatements) keyed by primary key value; otherwise TypeORM's findOne
 * and save per event.
 */
export async function projectEvents<Row extends object, Event extends ProjectedEvent>(
  manager: EntityManager,
  projection: Projection<Row, Event>,
  events: readonly Event[],
  { lockRows = true }: ProjectEventsOptions = {},
): Promise<ProjectionEffect[]> {
  const keys = events.map((event) => projection.key(event));
  const statements = RowStatements.of(manager.connection, projection.entity);
  const byPrimaryKey = keys.every((key): key is string | number => typeof key !== 'object');
  if (!statements || !byPrimaryKey || !manager.queryRunner) {
    const effects: ProjectionEffect[] = [];
    for (const [i, event] of events.entries()) effects.push(await projectWithTypeorm(manager, projection, event, keys[i], lockRows));
    return effects;
  }
  const rows = new LockedRows<Row>(manager.queryRunner, manager, projection.entity, statements, { lock: lockRows });
  await rows.load(keys);
  return rows.applyAll(events.map((event, i) => ({ key: keys[i], evolve: (row: Row | null) => projection.evolve(row, event) })));
}

/**
 * For the projection runner: applies the events with the rows read unlocked, sending `wrap.before`
 * (its BEGIN) with the first writes and `wrap.after` (its checkpoint move and COMMIT) with the
 * last, so a batch whose events touch distinct rows is ONE round trip. With `committed` (the
 * caller is the rows' only writer, see LockedRowsOptions) a row it kept is not read again. False, with nothing left
 * open, where this does not apply (an entity RowStatements does not cover, a composite key, an
 * evolve that moves a row to another key): the caller then applies the events its ordinary way.
 * A failed statement leaves the caller's transaction aborted: the caller rolls back.
 */
export async function projectEventsWrapped<Row extends object, Event extends ProjectedEvent>(
  manager: EntityManager,
  projection: Projection<Row, Event>,
  events: readonly Event[],
  wrap: WrapStatements,
  committed?: CommittedRows<Row>,
): Promise<boolean> {
  const keys = events.map((event) => projection.key(event));
  const statements = RowStatements.of(manager.connection, projection.entity);
  const byPrimaryKey = keys.every((key): key is string | number => typeof key !== 'object');
  if (!statements || !byPrimaryKey || !manager.queryRunner) return false;
  const rows = new LockedRows<Row>(manager.queryRunner, manager, projection.entity, statements, { lock: false, rawTransaction: true, committed });
  await rows.load(keys);
  try {
    await rows.applyAll(events.map((event, i) => ({ key: keys[i], evolve: (row: Row | null) => projection.evolve(row, event) })), wrap);
    // `wrap.after` ended with the caller's COMMIT.
    rows.keepCommitted();
    return true;
  } catch (error) {
    if (!(error instanceof RowMovesKeyError)) throw error;
    await manager.query('ROLLBACK');
    return false;
  }
}

async function projectWithTypeorm<Row extends object, Event extends ProjectedEvent>(
  manager: EntityManager,
  projection: Projection<Row, Event>,
  event: Event,
  key: RowKey<Row>,
  lockRow: boolean,
): Promise<ProjectionEffect> {
  const where = whereOf(manager, projection, key);
  const row = await manager.findOne(projection.entity, { where, ...(lockRow && { lock: { mode: 'pessimistic_write' as const } }) });
  const next = projection.evolve(row, event);
  if (next === row) return 'unchanged';
  if (next === null) {
    await manager.delete(projection.entity, where);
    return 'deleted';
  }
  await manager.save(projection.entity, next);
  return 'saved';
}

function whereOf<Row extends object>(
  manager: EntityManager,
  projection: Projection<Row, never>,
  key: RowKey<Row>,
): FindOptionsWhere<Row> {
  if (typeof key === 'object') return key;
  const primary = manager.connection.getMetadata(projection.entity).primaryColumns;
  if (primary.length !== 1) {
    throw new Error(
      `projection ${projection.name}: key() returned a single value but the entity has ${primary.length} primary columns; return a where object`,
    );
  }
  return { [primary[0].propertyName]: key } as FindOptionsWhere<Row>;
}
