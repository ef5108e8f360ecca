import type { InboxOutcome } from '@switchboard/messaging';
import type { DataSource } from 'typeorm';
import { applyAlone } from './apply-optimistically';
import { IntegrationEventBatcher } from './integration-event-batcher';
import type { ProjectedEvent, Projection } from './projection';
import { RowStatements } from './rows/row-statements';

/** One batcher per projection and data source, for as long as both live. */
const batchers = new WeakMap<Projection<object, never>, WeakMap<DataSource, IntegrationEventBatcher<object, never>>>();

/**
 * Applies another service's integration event (from JetStream) to a read model: evolve + save and
 * the inbox row (consumer = projection name, key = event id) in one transaction, so a redelivered
 * event is 'duplicate' and changes nothing. 'ignored' for a type the projection does not handle.
 * Ack the message after this resolves.
 *
 * For a plain entity keyed by primary key (see RowStatements) the events handed over while others
 * are being applied are applied together (IntegrationEventBatcher): two round trips per batch, no
 * transaction open while the process does anything else (an open one would hold back every event
 * store subscriber in the cluster), and each write guarded by the version of the row read. Other
 * entities take handleOnce with the row locked, one event at a time.
 */
export async function applyIntegrationEvent<Row extends object, Event extends ProjectedEvent>(
  dataSource: DataSource,
  projection: Projection<Row, Event>,
  event: Event,
): Promise<InboxOutcome | 'ignored'> {
  if (!projection.handles.includes(event.type)) return 'ignored';
  const key = projection.key(event);
  const statements = RowStatements.of(dataSource, projection.entity);
  if (!statements || typeof key === 'object') return applyAlone(dataSource, projection, event);
  return batcherOf(dataSource, projection, statements).apply(event, key);
}

function batcherOf<Row extends object, Event extends ProjectedEvent>(
  dataSource: DataSource,
  projection: Projection<Row, Event>,
  statements: RowStatements,
): IntegrationEventBatcher<Row, Event> {
  const byProjection = projection as unknown as Projection<object, never>;
  const bySource = batchers.get(byProjection) ?? new WeakMap();
  batchers.set(byProjection, bySource);
  let batcher = bySource.get(dataSource) as IntegrationEventBatcher<Row, Event> | undefined;
  if (!batcher) {
    batcher = new IntegrationEventBatcher(dataSource, projection, statements);
    bySource.set(dataSource, batcher as unknown as IntegrationEventBatcher<object, never>);
  }
  return batcher;
}
