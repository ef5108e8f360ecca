import type { InboxOutcome } from '@switchboard/messaging';
import type { ClientBase, QueryResult } from 'pg';
import type { DataSource } from 'typeorm';
import { applyAlone, RECORD_IN_INBOX, writeOf } from './apply-optimistically';
import type { ProjectedEvent, Projection } from './projection';
import { inlineParameters } from './rows/inline-parameters';
import { RowStatements, VERSION_COLUMN } from './rows/row-statements';

/** Events applied in one transaction at most: the statement stays small enough to plan quickly. */
const MAX_BATCH_SIZE = 64;
const RECORDED = 'SELECT event_id FROM inbox WHERE consumer = $1 AND event_id = ANY($2)';

interface Waiting<Event> {
  readonly event: Event;
  readonly key: string | number;
  settled: boolean;
  resolve(outcome: InboxOutcome): void;
  reject(error: unknown): void;
}

/**
 * Group commit for one JetStream-fed projection (plain entity, keyed by primary key) in this
 * process. The first event goes at once; events handed over while a batch is being applied wait
 * and go together in the next one, as one read (their rows and their inbox rows) and one
 * transaction (their inbox rows and the writes, each guarded by the version read). Two round trips
 * per batch instead of per event, so the cost per event falls as the load rises, and an idle
 * consumer waits for nobody.
 *
 * A batch holds one event per row: a later event of a row waits for the next batch (the consumer
 * loop hands over one event per ordering key at a time anyway), so events of a row apply in the
 * order they came. An event already in the inbox is 'duplicate'. If the transaction fails (another
 * delivery recorded one of the events, another writer changed one of the rows, a bad value), it
 * is rolled back and each of its events is applied alone (applyAlone), which tells the outcomes
 * apart. An evolve that throws fails that event only.
 */
export class IntegrationEventBatcher<Row extends object, Event extends ProjectedEvent> {
  private readonly waiting: Waiting<Event>[] = [];
  private draining = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly projection: Projection<Row, Event>,
    private readonly statements: RowStatements,
  ) {}

  /** Applies the event with the others waiting; resolves once its batch committed. */
  apply(event: Event, key: string | number): Promise<InboxOutcome> {
    return new Promise<InboxOutcome>((resolve, reject) => {
      const waiting: Waiting<Event> = {
        event,
        key,
        settled: false,
        resolve: (outcome) => {
          waiting.settled = true;
          resolve(outcome);
        },
        reject: (error) => {
          waiting.settled = true;
          reject(error);
        },
      };
      this.waiting.push(waiting);
      if (this.draining) return;
      this.draining = true;
      // After the current task, so the events handed over in one go share the first batch.
      queueMicrotask(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.waiting.length > 0) await this.applyBatch(this.takeBatch());
    } finally {
      this.draining = false;
    }
  }

  /** The first waiting event of each row, up to MAX_BATCH_SIZE; the others keep their order. */
  private takeBatch(): Waiting<Event>[] {
    const batch: Waiting<Event>[] = [];
    const rest: Waiting<Event>[] = [];
    const keys = new Set<string>();
    for (const waiting of this.waiting) {
      const key = String(waiting.key);
      if (batch.length < MAX_BATCH_SIZE && !keys.has(key)) batch.push(waiting);
      else rest.push(waiting);
      keys.add(key);
    }
    this.waiting.splice(0, this.waiting.length, ...rest);
    return batch;
  }

  private async applyBatch(batch: readonly Waiting<Event>[]): Promise<void> {
    let alone: readonly Waiting<Event>[];
    const queryRunner = this.dataSource.createQueryRunner();
    try {
      alone = await this.tryTogether((await queryRunner.connect()) as ClientBase, batch);
    } catch {
      // The connection failed: each event on its own, which reports its own error.
      alone = batch.filter((waiting) => !waiting.settled);
    } finally {
      await queryRunner.release();
    }
    await Promise.all(
      alone.map((waiting) => applyAlone(this.dataSource, this.projection, waiting.event).then(waiting.resolve, waiting.reject)),
    );
  }

  /** Applies the batch in one transaction and settles its events; returns those to apply alone. */
  private async tryTogether(client: ClientBase, batch: readonly Waiting<Event>[]): Promise<Waiting<Event>[]> {
    const { statements, projection } = this;
    const [rowsRead, recorded] = (await client.query(
      [
        inlineParameters(...statements.select(batch.map((waiting) => waiting.key), { lock: false, versioned: true })),
        inlineParameters(RECORDED, [projection.name, batch.map((waiting) => waiting.event.id)]),
      ].join(';\n'),
    )) as unknown as [QueryResult<Record<string, unknown>>, QueryResult<{ event_id: string }>];
    const rows = new Map(rowsRead.rows.map((raw) => [statements.keyOfRaw(raw), raw]));
    const duplicates = new Set(recorded.rows.map((row) => row.event_id));

    const together: Waiting<Event>[] = [];
    const alone: Waiting<Event>[] = [];
    const writes: string[] = [];
    for (const waiting of batch) {
      if (duplicates.has(waiting.event.id)) {
        waiting.resolve('duplicate');
        continue;
      }
      const raw = rows.get(String(waiting.key));
      let write: string | null | 'moves-key';
      try {
        const row = raw ? (statements.hydrate(raw) as Row) : null;
        const next = projection.evolve(row, waiting.event);
        write = next === row ? null : writeOf(statements, waiting.key, next, raw?.[VERSION_COLUMN] as string | undefined);
      } catch (error) {
        waiting.reject(error);
        continue;
      }
      if (write === 'moves-key') {
        alone.push(waiting);
        continue;
      }
      if (write !== null) writes.push(write);
      together.push(waiting);
    }
    if (together.length === 0) return alone;

    const records = together.map((waiting) => inlineParameters(RECORD_IN_INBOX, [projection.name, waiting.event.id]));
    try {
      await client.query(['BEGIN', ...records, ...writes, 'COMMIT'].join(';\n'));
    } catch {
      await client.query('ROLLBACK');
      return [...alone, ...together];
    }
    for (const waiting of together) waiting.resolve('applied');
    return alone;
  }
}
