import type { DataSource, EntityManager } from 'typeorm';

export type InboxOutcome = 'applied' | 'duplicate';

/**
 * Idempotent consumers: a (consumer, event id) row written in the same transaction as the
 * handler's effect. Delivery is at-least-once, so the second delivery finds the row and skips.
 */
export const Inbox = {
  /**
   * Records that `consumer` handles `eventId`, inside the caller's transaction (`manager`).
   * Returns false when it was already recorded: the caller skips the effect and acks.
   * A concurrent delivery of the same event waits on the first one's uncommitted row, then sees
   * it committed (false) or rolled back (true), so two deliveries never both apply.
   */
  async tryRecord(manager: EntityManager, consumer: string, eventId: string): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO inbox (consumer, event_id) VALUES ($1, $2)
       ON CONFLICT (consumer, event_id) DO NOTHING
       RETURNING event_id`,
      [consumer, eventId],
    );
    return inserted.length === 1;
  },
} as const;

/**
 * Runs `effect` at most once per (consumer, event id): opens a transaction, records the event in
 * the inbox, runs the effect with the transaction's manager and commits. A failing effect rolls
 * back the inbox row too, so a redelivery applies it.
 */
export async function handleOnce(
  dataSource: DataSource,
  consumer: string,
  eventId: string,
  effect: (manager: EntityManager) => Promise<void>,
): Promise<InboxOutcome> {
  return dataSource.transaction(async (manager) => {
    if (!(await Inbox.tryRecord(manager, consumer, eventId))) return 'duplicate';
    await effect(manager);
    return 'applied';
  });
}
