import { createHash, randomUUID } from 'node:crypto';
import { DatabaseError, Pool, type ClientBase } from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';
import { AppendSignal } from '../append-signal';
import { assertAppendable } from '../append-validation';
import { DuplicateEventIdError } from '../duplicate-event-id.error';
import type {
  AppendResult,
  EventStore,
  EventSubscription,
  EventToAppend,
  ExpectedRevision,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
} from '../event-store.port';
import { GroupCommit, settle } from '../group-commit';
import { consoleLogger, type LoggerLike } from '../logger';
import { PollingSubscription } from '../polling-subscription';
import { WrongExpectedRevisionError } from '../wrong-expected-revision.error';
import { quoteIdentifier } from './migrate-event-store';
import { preparedStatementName } from './prepared-statement-name';

export interface PostgresEventStoreOptions {
  connectionString: string;
  /** The schema holding this service's `events` table (see migrateEventStore). */
  schema: string;
  /** Connections in the store's own pool (default 10). */
  poolSize?: number;
  /** Events a subscription reads per query (default 500). */
  pageSize?: number;
  /**
   * Longest a subscription waits before looking again (default 200 ms). Appends through any
   * PostgresEventStore of this process on the same schema wake it at once; this bounds the
   * delay for appends from other processes and for events held back by a long transaction.
   */
  pollIntervalMs?: number;
  /**
   * First wait (doubled each time, up to pollIntervalMs) before a subscription reads again when its
   * read did not reach this process's last append: an older transaction, anywhere in the cluster,
   * was still open. Default 1 ms.
   */
  recheckMs?: number;
  logger?: LoggerLike;
}

type Queryable = Pool | ClientBase;

interface EventRow {
  transaction_id: string;
  global_position: string;
  stream_name: string;
  stream_revision: string;
  event_id: string;
  type: string;
  data: unknown;
  metadata: RecordedEvent['metadata'];
  recorded_at: Date;
}

const EVENT_COLUMNS =
  'transaction_id::text, global_position, stream_name, stream_revision, event_id, type, data, metadata, recorded_at';

/** Wake-ups shared by every store instance of this process on the same database and schema. */
const signals = new Map<string, AppendSignal>();

/** Single-event appends committed together at most (see appendToStream). */
const MAX_APPEND_GROUP = 64;

/** A single-event append waiting for its group. */
interface PendingAppend {
  readonly streamName: string;
  /** As the caller gave it: an append that goes again alone keeps `id` absent if it was. */
  readonly event: EventToAppend;
  /** The id the group statement stores it under. */
  readonly id: string;
  readonly expectedRevision: ExpectedRevision;
}

/** Subscription page reads in flight, by store, append generation and page (see readPageShared). */
const pageReads = new Map<string, Promise<RecordedEvent[]>>();

/**
 * The PostgreSQL event store: plain `pg`, tables qualified with the schema, so it also works on
 * a caller's connection whatever its search_path.
 *
 * An append is one statement, and the unique (stream_name, stream_revision) key is the whole
 * concurrency control: the first event is inserted at expected + 1 only if the expected
 * revision exists (`no_stream`: at 0), with ON CONFLICT DO NOTHING on that key; the others
 * follow it in the same statement only if it was inserted. Revisions stay gapless (an event at
 * r + 1 needs r to be visible), and once an append holds r + 1 no other can claim r + 2...
 * before it commits, so a batch is stored whole or not at all. Concurrent appends to one
 * stream wait on the key's index entry; the loser inserts nothing, which leaves the caller's
 * transaction usable. No per-stream row is updated: an append costs about one plain insert.
 *
 * The global order is (transaction_id, global_position), read only below the oldest running
 * transaction (see the migration), so subscribers never skip an event that commits late.
 * No LISTEN/NOTIFY: NOTIFY takes a cluster-wide lock at commit, which would serialise appends.
 */
export class PostgresEventStore implements EventStore {
  readonly pool: Pool;
  private readonly events: string;
  private readonly signal: AppendSignal;
  private readonly subscriptions = new Set<PollingSubscription>();
  private readonly pageSize: number;
  private readonly pollIntervalMs: number;
  private readonly recheckMs: number | undefined;
  private readonly statementPrefix: string;
  private readonly storeKey: string;
  private readonly appendGroups = new GroupCommit<PendingAppend, AppendResult>({
    key: (append) => append.streamName,
    maxSize: MAX_APPEND_GROUP,
    commit: (group) => this.appendGroup(group),
  });

  constructor(options: PostgresEventStoreOptions) {
    const logger = options.logger ?? consoleLogger;
    // The store's statements are prepared and index-driven whatever their values: a plan made once
    // per connection serves them all (left to itself, PostgreSQL planned the appends again on
    // nearly every call). Set at connection start-up, beside any `options` the URL gives.
    const { options: urlOptions, ...connection } = parseIntoClientConfig(options.connectionString);
    this.pool = new Pool({
      ...connection,
      options: [urlOptions, '-c plan_cache_mode=force_generic_plan'].filter(Boolean).join(' '),
      max: options.poolSize ?? 10,
    });
    // An idle connection dropped by the server must not crash the process; the next query reconnects.
    this.pool.on('error', (error) => logger.warn(`event store connection lost: ${error.message}`));
    const schema = quoteIdentifier(options.schema);
    this.events = `${schema}.events`;
    // Prepared statement names are per connection; a caller's connection may serve several schemas.
    this.statementPrefix = `es_${createHash('sha1').update(options.schema).digest('hex').slice(0, 12)}_`;
    this.pageSize = options.pageSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.recheckMs = options.recheckMs;
    const key = `${options.connectionString}|${options.schema}`;
    this.storeKey = key;
    this.signal = signals.get(key) ?? new AppendSignal();
    signals.set(key, this.signal);
  }

  /**
   * Appends of one event (a command's usual outcome) go through group commit: the first at once,
   * and those made while a group is being stored go together in the next one, as one statement
   * for several streams (at most one append per stream in a group). An append the group could
   * not store (its stream moved, a reused event id in the group) goes again on its own, which
   * gives it exactly the outcome it would have had alone.
   */
  async appendToStream(
    streamName: string,
    events: readonly EventToAppend[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    assertAppendable(streamName, events);
    const result =
      events.length === 1
        ? await this.appendGroups.submit({ streamName, event: events[0], id: events[0].id ?? randomUUID(), expectedRevision: options.expectedRevision })
        : await this.appendInTransaction(this.pool, streamName, events, options);
    this.signal.notify(result.position);
    return result;
  }

  /** Stores a group of single-event appends to distinct streams in one statement; one outcome per append. */
  private async appendGroup(group: readonly PendingAppend[]): Promise<PromiseSettledResult<AppendResult>[]> {
    const alone = (append: PendingAppend) =>
      settle(this.appendInTransaction(this.pool, append.streamName, [append.event], { expectedRevision: append.expectedRevision }));
    if (group.length === 1) return [await alone(group[0])];
    let rows: { stream_name: string; commit: string; prepare: string; revision: string }[];
    try {
      ({ rows } = await this.pool.query({
        // Named: prepared once per connection, like the single append.
        name: `${this.statementPrefix}append_group`,
        text: `INSERT INTO ${this.events} (stream_name, stream_revision, event_id, type, data, metadata)
          SELECT a.stream_name, f.revision, a.event_id, a.type, a.data, a.metadata
          FROM unnest($1::text[], $2::text[], $3::bigint[], $4::uuid[], $5::text[], $6::jsonb[], $7::jsonb[])
            WITH ORDINALITY AS a(stream_name, expected, expected_revision, event_id, type, data, metadata, ord)
          CROSS JOIN LATERAL (
            SELECT 0::bigint AS revision WHERE a.expected = 'no_stream'
            UNION ALL
            SELECT a.expected_revision + 1 WHERE a.expected = 'exact'
              AND EXISTS (SELECT 1 FROM ${this.events} e WHERE e.stream_name = a.stream_name AND e.stream_revision = a.expected_revision)
            UNION ALL
            (SELECT e.stream_revision + 1 FROM ${this.events} e WHERE a.expected = 'stream_exists' AND e.stream_name = a.stream_name
             ORDER BY e.stream_revision DESC LIMIT 1)
          ) AS f
          ORDER BY a.ord
          ON CONFLICT (stream_name, stream_revision) DO NOTHING
          RETURNING stream_name, transaction_id::text AS commit, global_position::text AS prepare, stream_revision::text AS revision`,
        values: [
          group.map((append) => append.streamName),
          group.map((append) => (typeof append.expectedRevision === 'bigint' ? 'exact' : append.expectedRevision)),
          group.map((append) => (typeof append.expectedRevision === 'bigint' ? append.expectedRevision.toString() : null)),
          group.map((append) => append.id),
          group.map((append) => append.event.type),
          group.map((append) => JSON.stringify(append.event.data ?? null)),
          group.map((append) => JSON.stringify(append.event.metadata ?? {})),
        ],
      }));
    } catch {
      // A reused event id (or any other failure) rolled the whole group back: each on its own,
      // which reports its own error.
      return Promise.all(group.map(alone));
    }
    const stored = new Map(rows.map((row) => [row.stream_name, row]));
    return Promise.all(
      group.map((append): Promise<PromiseSettledResult<AppendResult>> | PromiseSettledResult<AppendResult> => {
        const row = stored.get(append.streamName);
        if (!row) return alone(append);
        return {
          status: 'fulfilled',
          value: { nextExpectedRevision: BigInt(row.revision), position: { commit: BigInt(row.commit), prepare: BigInt(row.prepare) } },
        };
      }),
    );
  }

  /**
   * The append on the caller's connection, inside whatever transaction it has open: the events
   * become visible when that transaction commits. A conflict leaves the transaction usable; a
   * reused event id aborts it (DuplicateEventIdError).
   */
  async appendInTransaction(
    client: Queryable,
    streamName: string,
    events: readonly EventToAppend[],
    { expectedRevision }: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    assertAppendable(streamName, events);
    const ids = events.map((event) => event.id ?? randomUUID());
    let seen: bigint | 'no_stream' | undefined;
    for (;;) {
      const appended = await this.tryAppend(client, streamName, events, ids, expectedRevision);
      if (appended) return appended;
      const retried = await this.sameBatchAlreadyStored(client, streamName, events, ids, expectedRevision);
      if (retried) return retried;
      const actual = await this.currentRevision(client, streamName);
      // stream_exists lost a race to another append: try again at the new end of the stream, as
      // long as the end moves (a REPEATABLE READ caller would never see the winner).
      if (expectedRevision === 'stream_exists' && actual !== 'no_stream' && actual !== seen) {
        seen = actual;
        continue;
      }
      throw new WrongExpectedRevisionError(streamName, expectedRevision, actual);
    }
  }

  /** The append statement; resolves with nothing when the stream is not at the expected revision. */
  private async tryAppend(
    client: Queryable,
    streamName: string,
    events: readonly EventToAppend[],
    ids: readonly string[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult | undefined> {
    // The first event's row: its revision, and the condition that the stream is where expected.
    const first =
      expectedRevision === 'no_stream'
        ? `SELECT 0::bigint AS revision`
        : expectedRevision === 'stream_exists'
          ? `SELECT stream_revision + 1 AS revision FROM ${this.events} WHERE stream_name = $1 ORDER BY stream_revision DESC LIMIT 1`
          : `SELECT $6::bigint + 1 AS revision
             WHERE EXISTS (SELECT 1 FROM ${this.events} WHERE stream_name = $1 AND stream_revision = $6::bigint)`;
    const single = events.length === 1;
    // One event (the common command): plain parameters, no arrays to encode and unnest.
    const column = (values: unknown[]) => (single ? values[0] : values);
    const params: unknown[] = [
      streamName,
      column([...ids]),
      column(events.map((event) => event.type)),
      column(events.map((event) => JSON.stringify(event.data ?? null))),
      column(events.map((event) => JSON.stringify(event.metadata ?? {}))),
    ];
    if (typeof expectedRevision === 'bigint') params.push(expectedRevision.toString());
    const insertHead = `INSERT INTO ${this.events} (stream_name, stream_revision, event_id, type, data, metadata)
      SELECT $1, f.revision, ${single ? '$2::uuid, $3::text, $4::jsonb, $5::jsonb' : '($2::uuid[])[1], ($3::text[])[1], ($4::jsonb[])[1], ($5::jsonb[])[1]'}
      FROM (${first}) AS f
      ON CONFLICT (stream_name, stream_revision) DO NOTHING`;
    const returning = 'transaction_id::text AS commit, global_position::text AS prepare, stream_revision::text AS revision';
    let rows: { commit: string; prepare: string; revision: string }[];
    try {
      ({ rows } = await client.query({
        // Named: prepared once per connection, so an append skips parsing and planning.
        name: `${this.statementPrefix}append${single ? '1' : 'n'}_${typeof expectedRevision === 'bigint' ? 'exact' : expectedRevision}`,
        text: single
          ? `${insertHead} RETURNING ${returning}`
          : `WITH head AS (${insertHead} RETURNING transaction_id, global_position, stream_revision),
             tail AS (
               INSERT INTO ${this.events} (stream_name, stream_revision, event_id, type, data, metadata)
               SELECT $1, head.stream_revision + e.ord, e.event_id, e.type, e.data, e.metadata
               FROM head, unnest(($2::uuid[])[2:], ($3::text[])[2:], ($4::jsonb[])[2:], ($5::jsonb[])[2:])
                 WITH ORDINALITY AS e(event_id, type, data, metadata, ord)
               ORDER BY e.ord
               RETURNING transaction_id, global_position, stream_revision
             )
             SELECT ${returning} FROM (SELECT * FROM head UNION ALL SELECT * FROM tail) AS appended
             ORDER BY global_position DESC LIMIT 1`,
        values: params,
      }));
    } catch (error) {
      if (error instanceof DatabaseError && error.code === '23505' && error.constraint === 'events_event_id_key') {
        throw new DuplicateEventIdError(await this.storedIds(ids));
      }
      throw error;
    }
    const appended = rows[0];
    if (!appended) return undefined;
    return {
      nextExpectedRevision: BigInt(appended.revision),
      position: { commit: BigInt(appended.commit), prepare: BigInt(appended.prepare) },
    };
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const params: unknown[] = [streamName];
    let from = '';
    if (options.fromRevision !== undefined) {
      params.push(options.fromRevision.toString());
      from = `AND stream_revision ${backwards ? '<=' : '>='} $2`;
    }
    const limit = options.maxCount === undefined ? '' : `LIMIT ${Math.max(0, Math.floor(options.maxCount))}`;
    const { rows } = await this.pool.query<EventRow>(
      this.prepared(
        `SELECT ${EVENT_COLUMNS} FROM ${this.events} WHERE stream_name = $1 ${from}
         ORDER BY stream_revision ${backwards ? 'DESC' : 'ASC'} ${limit}`,
        params,
      ),
    );
    return rows.map(toRecordedEvent);
  }

  /** Events committed by transactions older than every running one, in (commit, prepare) order. */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const params: unknown[] = [];
    const where = ['transaction_id < pg_snapshot_xmin(pg_current_snapshot())'];
    if (options.after) {
      params.push(options.after.commit.toString(), options.after.prepare.toString());
      where.push(`(transaction_id, global_position) > ($${params.length - 1}::text::xid8, $${params.length}::bigint)`);
    }
    if (options.eventTypes) {
      params.push(options.eventTypes);
      where.push(`type = ANY($${params.length}::text[])`);
    }
    if (options.streamPrefixes) {
      params.push(options.streamPrefixes.map((prefix) => `${prefix.replace(/[\\%_]/g, '\\$&')}%`));
      where.push(`stream_name LIKE ANY($${params.length}::text[])`);
    }
    const limit = options.maxCount === undefined ? '' : `LIMIT ${Math.max(0, Math.floor(options.maxCount))}`;
    const { rows } = await this.pool.query<EventRow>(
      this.prepared(
        `SELECT ${EVENT_COLUMNS} FROM ${this.events} WHERE ${where.join(' AND ')}
         ORDER BY transaction_id, global_position ${limit}`,
        params,
      ),
    );
    return rows.map(toRecordedEvent);
  }

  /**
   * A query as a named prepared statement (the name derived from its text): the subscriptions'
   * page reads and stream reads repeat a handful of texts, and each unnamed one was parsed and
   * planned again, statting every relation it touches.
   */
  private prepared(text: string, values: unknown[]): { name: string; text: string; values: unknown[] } {
    return { name: preparedStatementName(`${this.statementPrefix}q_`, text), text, values };
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): EventSubscription {
    const subscription: PollingSubscription = new PollingSubscription({
      ...options,
      onEnd: () => this.subscriptions.delete(subscription),
      readPage: (page) => this.readPageShared(page),
      signal: this.signal,
      pageSize: this.pageSize,
      pollIntervalMs: this.pollIntervalMs,
      recheckMs: this.recheckMs,
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  /**
   * A subscription's page read, shared with the other subscriptions of this process that ask for
   * the same page while it is in flight: the relay and the projections, caught up together and
   * woken by the same append, cost one query instead of one each. Only a read started at the
   * current append generation is shared, so it started after every append of this process that
   * woke its readers, and sees them as a read of each one's own would; appends of other processes
   * are found by polling anyway, which a read started a moment earlier does no differently.
   */
  private readPageShared(options: ReadAllOptions): Promise<RecordedEvent[]> {
    const { after, maxCount, eventTypes, streamPrefixes } = options;
    const key = JSON.stringify([this.storeKey, this.signal.current, after?.commit.toString(), after?.prepare.toString(), maxCount, eventTypes, streamPrefixes]);
    const shared = pageReads.get(key);
    if (shared) return shared.then((events) => [...events]);
    const read = this.readAll(options).finally(() => pageReads.delete(key));
    pageReads.set(key, read);
    return read.then((events) => [...events]);
  }

  async headPosition(): Promise<Position | null> {
    const { rows } = await this.pool.query<{ commit: string; prepare: string }>(
      `SELECT transaction_id::text AS commit, global_position::text AS prepare FROM ${this.events}
       WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
    );
    const head = rows[0];
    return head ? { commit: BigInt(head.commit), prepare: BigInt(head.prepare) } : null;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.pool.end();
  }

  private async currentRevision(client: Queryable, streamName: string): Promise<bigint | 'no_stream'> {
    const { rows } = await client.query<{ revision: string }>(
      `SELECT stream_revision::text AS revision FROM ${this.events} WHERE stream_name = $1 ORDER BY stream_revision DESC LIMIT 1`,
      [streamName],
    );
    return rows[0] ? BigInt(rows[0].revision) : 'no_stream';
  }

  /** Which of these ids are stored already; the caller's transaction is aborted, so ask the pool. */
  private async storedIds(ids: readonly string[]): Promise<string[]> {
    const { rows } = await this.pool.query<{ event_id: string }>(
      `SELECT event_id FROM ${this.events} WHERE event_id = ANY($1::uuid[])`,
      [ids],
    );
    // None committed: the duplicate is inside this batch or this caller's own transaction.
    return rows.length > 0 ? rows.map((row) => row.event_id) : [...ids];
  }

  /** An idempotent retry (say, after a lost reply): the very same ids already follow the expected revision. */
  private async sameBatchAlreadyStored(
    client: Queryable,
    streamName: string,
    events: readonly EventToAppend[],
    ids: readonly string[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult | undefined> {
    if (expectedRevision === 'stream_exists' || events.some((event) => event.id === undefined)) return undefined;
    const first = expectedRevision === 'no_stream' ? 0n : expectedRevision + 1n;
    const { rows } = await client.query<{ event_id: string; revision: string; commit: string; prepare: string }>(
      `SELECT event_id, stream_revision::text AS revision, transaction_id::text AS commit, global_position::text AS prepare
       FROM ${this.events} WHERE stream_name = $1 AND stream_revision >= $2 ORDER BY stream_revision LIMIT $3`,
      [streamName, first.toString(), ids.length],
    );
    if (rows.length !== ids.length || rows.some((row, i) => row.event_id !== ids[i].toLowerCase())) return undefined;
    const last = rows[rows.length - 1];
    return {
      nextExpectedRevision: BigInt(last.revision),
      position: { commit: BigInt(last.commit), prepare: BigInt(last.prepare) },
    };
  }
}


function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    streamName: row.stream_name,
    streamRevision: BigInt(row.stream_revision),
    position: { commit: BigInt(row.transaction_id), prepare: BigInt(row.global_position) },
    recordedAt: row.recorded_at,
  };
}
