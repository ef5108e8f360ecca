import { ProcessorCheckpoints } from '@switchboard/event-sourcing';
import type { DataSource } from 'typeorm';
import type { ProjectedEvent, Projection } from './projection';

/**
 * Rebuild = in one transaction, empty the read model and reset the checkpoint to the start; the
 * runner then replays every event. It takes the checkpoint lock first (as the runner does), so
 * it waits for a runner's transaction in flight; a runner that keeps going notices the reset on
 * its next step (or within its watch interval when idle) and replays from the start.
 * For projections fed from the event store; a JetStream-fed one also needs its consumer replayed.
 */
export async function rebuildProjection<Row extends object, Event extends ProjectedEvent>(
  dataSource: DataSource,
  projection: Projection<Row, Event>,
): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await ProcessorCheckpoints.ensure(manager, projection.name);
    await ProcessorCheckpoints.read(manager, projection.name, { forUpdate: true });
    if (projection.reset) await projection.reset(manager);
    else await manager.createQueryBuilder().delete().from(projection.entity).execute();
    await ProcessorCheckpoints.write(manager, projection.name, null);
  });
}
