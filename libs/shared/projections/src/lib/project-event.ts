import type { EntityManager, FindOptionsWhere } from 'typeorm';
import type { ProjectedEvent, Projection, RowKey } from './projection';

export type ProjectionEffect = 'saved' | 'deleted' | 'unchanged';

/**
 * Applies one event to the read model inside the caller's transaction: load the row (locked,
 * so concurrent writers of the same row queue up instead of losing an update), evolve, then
 * save or delete. The caller commits it together with its checkpoint or inbox row.
 */
export async function projectEvent<Row extends object, Event extends ProjectedEvent>(
  manager: EntityManager,
  projection: Projection<Row, Event>,
  event: Event,
): Promise<ProjectionEffect> {
  const where = whereOf(manager, projection, projection.key(event));
  const row = await manager.findOne(projection.entity, { where, lock: { mode: 'pessimistic_write' } });
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
