import { handleOnce, type InboxOutcome } from '@switchboard/messaging';
import type { DataSource } from 'typeorm';
import { projectEvent } from './project-event';
import type { ProjectedEvent, Projection } from './projection';

/**
 * Applies another service's integration event (from JetStream) to a read model: evolve + save and
 * the inbox row (consumer = projection name, key = event id) in one transaction, so a redelivered
 * event is 'duplicate' and changes nothing. 'ignored' for a type the projection does not handle.
 * Ack the message after this resolves.
 */
export async function applyIntegrationEvent<Row extends object, Event extends ProjectedEvent>(
  dataSource: DataSource,
  projection: Projection<Row, Event>,
  event: Event,
): Promise<InboxOutcome | 'ignored'> {
  if (!projection.handles.includes(event.type)) return 'ignored';
  return handleOnce(dataSource, projection.name, event.id, async (manager) => {
    await projectEvent(manager, projection, event);
  });
}
