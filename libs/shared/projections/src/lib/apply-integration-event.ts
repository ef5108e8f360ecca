import { handleOnce, Inbox, type InboxOutcome } from '@switchboard/messaging';
import type { DataSource } from 'typeorm';
import { projectEvent, projectEventsWrapped } from './project-event';
import type { ProjectedEvent, Projection } from './projection';

/**
 * Applies another service's integration event (from JetStream) to a read model: evolve + save and
 * the inbox row (consumer = projection name, key = event id) in one transaction, so a redelivered
 * event is 'duplicate' and changes nothing. 'ignored' for a type the projection does not handle.
 * Ack the message after this resolves.
 *
 * Two round trips: BEGIN with the row's locked read, then the inbox record (failing a duplicate
 * before any write), the write and COMMIT. A transaction id holds back every subscriber in the
 * database, and this one holds it across one round trip at most (none for a new row). Entities
 * RowStatements does not cover go through handleOnce and TypeORM.
 */
export async function applyIntegrationEvent<Row extends object, Event extends ProjectedEvent>(
  dataSource: DataSource,
  projection: Projection<Row, Event>,
  event: Event,
): Promise<InboxOutcome | 'ignored'> {
  if (!projection.handles.includes(event.type)) return 'ignored';
  const queryRunner = dataSource.createQueryRunner();
  try {
    const wrap = { withReads: ['BEGIN'], beforeWrites: [Inbox.recordOrFailStatement(projection.name, event.id)], afterWrites: ['COMMIT'] };
    if (await projectEventsWrapped(queryRunner.manager, projection, [event], wrap)) return 'applied';
  } catch (error) {
    // A failed statement leaves the transaction aborted; after COMMIT this is a no-op.
    await queryRunner.query('ROLLBACK').catch(() => undefined);
    if (Inbox.isDuplicate(error)) return 'duplicate';
    throw error;
  } finally {
    await queryRunner.release();
  }
  return handleOnce(dataSource, projection.name, event.id, async (manager) => {
    await projectEvent(manager, projection, event);
  });
}
