import { GroupCommit, settle } from '@switchboard/event-sourcing';
import type { InboxOutcome } from '@switchboard/messaging';
import type { ClientBase, QueryResult } from 'pg';
import type { DataSource } from 'typeorm';
import { applyAlone, RECORD_IN_INBOX, writeFor } from './apply-optimistically';
import type { ProjectedEvent, Projection } from './projection';
import { inlineParameters } from './rows/inline-parameters';
import type { RowStatements } from './rows/row-statements';

/** Events applied in one transaction at most: the statement stays small enough to plan quickly. */
const MAX_BATCH_SIZE = 64;
const RECORDED = 'SELECT event_id FROM inbox WHERE consumer = $1 AND event_id = ANY($2)';

interface Pending<Event> {
  readonly event: Event;
  readonly key: string | number;
}

type Outcome = PromiseSettledResult<InboxOutcome> | 'alone';

/**
 * Group commit (GroupCommit) for one JetStream-fed projection (plain entity, keyed by primary
 * key) in this process: the events handed over while a batch is being applied go together in the
 * next one, as one read (their rows and their inbox rows) and one transaction (their inbox rows
 * and the writes, each guarded by the version read). Two round trips per batch instead of per
 * event.
 *
 * A batch holds one event per row: a later event of a row waits for the next batch (the consumer
 * loop hands over one event per ordering key at a time anyway), so events of a row apply in the
 * order they came. An event already in the inbox is 'duplicate'. If the transaction fails (another
 * delivery recorded one of the events, another writer changed one of the rows, a bad value), it
 * is rolled back and each of its events is applied alone (applyAlone), which tells the outcomes
 * apart. An evolve that throws fails that event only.
 */
export class IntegrationEventBatcher<Row extends object, Event extends ProjectedEvent> {
  private readonly batches = new GroupCommit<Pending<Event>, InboxOutcome>({
    key: (pending) => String(pending.key),
    maxSize: MAX_BATCH_SIZE,
    commit: (batch) => this.applyBatch(batch),
  });

  constructor(
    private readonly dataSource: DataSource,
    private readonly projection: Projection<Row, Event>,
    private readonly statements: RowStatements,
  ) {}

  /** Applies the event with the others waiting; resolves once its batch committed. */
  apply(event: Event, key: string | number): Promise<InboxOutcome> {
    return this.batches.submit({ event, key });
  }

  private async applyBatch(batch: readonly Pending<Event>[]): Promise<PromiseSettledResult<InboxOutcome>[]> {
    let outcomes: Outcome[];
    const queryRunner = this.dataSource.createQueryRunner();
    try {
      outcomes = await this.tryTogether((await queryRunner.connect()) as ClientBase, batch);
    } catch {
      // The connection failed: each event on its own, which reports its own error.
      outcomes = batch.map(() => 'alone');
    } finally {
      await queryRunner.release();
    }
    return Promise.all(
      outcomes.map((outcome, i) =>
        outcome === 'alone' ? settle(applyAlone(this.dataSource, this.projection, batch[i].event)) : outcome,
      ),
    );
  }

  /** Applies the batch in one transaction: each event's outcome, or 'alone' for those to apply on their own. */
  private async tryTogether(client: ClientBase, batch: readonly Pending<Event>[]): Promise<Outcome[]> {
    const { statements, projection } = this;
    const [rowsRead, recorded] = (await client.query(
      [
        inlineParameters(...statements.select(batch.map((pending) => pending.key), { lock: false, versioned: true })),
        inlineParameters(RECORDED, [projection.name, batch.map((pending) => pending.event.id)]),
      ].join(';\n'),
    )) as unknown as [QueryResult<Record<string, unknown>>, QueryResult<{ event_id: string }>];
    const rows = new Map(rowsRead.rows.map((raw) => [statements.keyOfRaw(raw), raw]));
    const duplicates = new Set(recorded.rows.map((row) => row.event_id));

    const outcomes: Outcome[] = [];
    const together: number[] = [];
    const writes: string[] = [];
    for (const [i, { event, key }] of batch.entries()) {
      if (duplicates.has(event.id)) {
        outcomes[i] = { status: 'fulfilled', value: 'duplicate' };
        continue;
      }
      let write: string | null | 'moves-key';
      try {
        write = writeFor(statements, projection, event, key, rows.get(String(key)));
      } catch (error) {
        outcomes[i] = { status: 'rejected', reason: error };
        continue;
      }
      outcomes[i] = 'alone';
      if (write === 'moves-key') continue;
      if (write !== null) writes.push(write);
      together.push(i);
    }
    if (together.length === 0) return outcomes;

    const records = together.map((i) => inlineParameters(RECORD_IN_INBOX, [projection.name, batch[i].event.id]));
    try {
      await client.query(['BEGIN', ...records, ...writes, 'COMMIT'].join(';\n'));
    } catch {
      await client.query('ROLLBACK');
      return outcomes;
    }
    for (const i of together) outcomes[i] = { status: 'fulfilled', value: 'applied' };
    return outcomes;
  }
}

