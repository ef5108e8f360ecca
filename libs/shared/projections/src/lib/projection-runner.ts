import { LRUCache } from 'lru-cache';
import {
  comparePositions,
  type EventStore,
  type Position,
  type RecordedEvent,
  CHECKPOINT_MOVED_SQLSTATE,
  ProcessorCheckpoints,
} from '@switchboard/event-sourcing';
import { DatabaseError } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import { CheckpointMissingError } from './checkpoint-missing.error';
import { CheckpointMovedError } from './checkpoint-moved.error';
import { CheckpointResetError } from './checkpoint-reset.error';
import type { LoggerLike } from './logger-like';
import { projectEvents, projectEventsWrapped } from './project-event';
import type { Projection } from './projection';
import { projectionLag, type ProjectionStatus } from './projection-status';
import type { CommittedRows } from './rows/locked-rows';

export interface ProjectionRunnerOptions {
  /** Passed-over events (types the projection does not handle) are checkpointed once the store is quiet this long; default 50 ms. */
  idleCheckpointMs?: number;
  /** ...or every this many passed-over events while busy; default 500. */
  maxUncheckpointed?: number;
  /** While idle, how often it checks that nobody reset its checkpoint (a rebuild); default 1000 ms. */
  watchIntervalMs?: number;
  /** Back-off after a failure, doubling from `retryDelayMs` up to `maxRetryDelayMs`; default 200 ms → 30 s. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /** Most events applied in one transaction: those the subscription has ready, never waited for; default 100. */
  maxBatchSize?: number;
  logger?: LoggerLike;
}

const TIMED_OUT = Symbol('timed out');
const NOT_READY = Symbol('not ready');
/** Rows a runner keeps as it committed them (an LRU): a row it wrote lately is not read again. */
const KEPT_ROWS = 10_000;

/**
 * Runs one projection from the service's own event store: subscribes after its checkpoint and,
 * for the events the subscription has ready (a batch, up to `maxBatchSize`; it never waits to fill
 * one), in ONE transaction applies the events to the read model and moves the checkpoint past the
 * last only if it is still where this runner last saw it (read at start, then as it committed it).
 * A crash anywhere leaves rows
 * and checkpoint consistent, and an event at or below the stored checkpoint is skipped, so replays
 * after a crash and a second replica running the same projection never apply an event twice (the
 * replica that loses the race rolls back and resumes from the checkpoint). A failure rolls the
 * whole batch back.
 *
 * A transaction holding a transaction id holds back every subscriber in the database (the xmin
 * rule of the event store's reads), so the writes, the checkpoint move and COMMIT go to the server
 * together (one round trip unless a row has several events in the batch): the id is held while the
 * server runs them, not while this process waits for its turn.
 *
 * It subscribes to every event, not only the handled types, so the checkpoint also passes the
 * events it ignores: a read-your-writes wait for such an event's position must still end.
 * Failures (the store, the database, an evolve that throws) are logged and retried from the
 * stored checkpoint with back-off. A missing checkpoint over a read model that holds rows is such
 * a failure (CheckpointMissingError) until the projection is rebuilt, never a replay onto them.
 */
export class ProjectionRunner<Row extends object = object> {
  private readonly options: Required<Omit<ProjectionRunnerOptions, 'logger'>>;
  private readonly logger: LoggerLike;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private subscriptionClose: (() => Promise<void>) | undefined;
  private wakeFromBackoff: (() => void) | undefined;
  /** The checkpoint as this runner last saw it committed. */
  private position: Position | null = null;
  /**
   * Rows as this runner's committed batches left them: while its checkpoint moves only by its own
   * hand, nobody else wrote them (a replica or a rebuild moves it, and this runner's next move
   * fails and clears them), so a row it kept is not read again.
   */
  private readonly committedRows = new LRUCache<string, object>({ max: KEPT_ROWS });
  private lastError: Error | undefined;

  constructor(
    readonly projection: Projection<Row, RecordedEvent>,
    private readonly eventStore: EventStore,
    private readonly dataSource: DataSource,
    { logger = console, ...options }: ProjectionRunnerOptions = {},
  ) {
    this.logger = logger;
    this.options = {
      idleCheckpointMs: 50,
      maxUncheckpointed: 500,
      watchIntervalMs: 1000,
      retryDelayMs: 200,
      maxRetryDelayMs: 30_000,
      maxBatchSize: 100,
      ...options,
    };
  }

  get name(): string {
    return this.projection.name;
  }

  get running(): boolean {
    return this.loop !== undefined && !this.stopping;
  }

  /** Starts following in the background; returns at once. */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  /** Graceful: lets the transaction in flight commit, checkpoints passed-over events, then returns. */
  async stop(): Promise<void> {
    if (!this.loop) return;
    this.stopping = true;
    this.wakeFromBackoff?.();
    await this.subscriptionClose?.();
    await this.loop;
    this.loop = undefined;
  }

  async status(): Promise<ProjectionStatus> {
    const lag = await projectionLag(this.dataSource, this.eventStore, this.name);
    return { ...lag, running: this.running, ...(this.lastError && { lastError: this.lastError.message }) };
  }

  private async run(): Promise<void> {
    let delay = this.options.retryDelayMs;
    while (!this.stopping) {
      try {
        await this.followFromCheckpoint();
      } catch (error) {
        if (this.stopping) break;
        if (error instanceof CheckpointResetError) {
          this.logger.warn(error.message);
          continue;
        }
        if (error instanceof CheckpointMovedError) {
          this.logger.log(error.message);
          continue;
        }
        this.lastError = error instanceof Error ? error : new Error(String(error));
        this.logger.error(
          `projection ${this.name} failed, retrying in ${delay} ms: ${this.lastError.message}`,
          this.lastError.stack,
        );
        await this.backoff(delay);
        delay = Math.min(delay * 2, this.options.maxRetryDelayMs);
      }
    }
  }

  private async followFromCheckpoint(): Promise<void> {
    this.committedRows.clear();
    await ProcessorCheckpoints.ensure(this.dataSource, this.name);
    this.position = await ProcessorCheckpoints.read(this.dataSource, this.name);
    const subscription = this.eventStore.subscribeToAll(this.position ? { after: this.position } : {});
    this.subscriptionClose = () => subscription.close();
    const events = subscription[Symbol.asyncIterator]();
    /** The last passed-over event not yet checkpointed, and how many of them. */
    let passedOver: Position | null = null;
    let passedOverCount = 0;
    /** The next event asked for while filling a batch, not ready then. */
    let pending: Promise<IteratorResult<RecordedEvent>> | undefined;
    try {
      while (!this.stopping) {
        const next = pending ?? nextOf(events);
        pending = undefined;
        let result = await this.within(
          next,
          passedOver ? this.options.idleCheckpointMs : this.options.watchIntervalMs,
        );
        // Quiet store: checkpoint what was passed over, else make sure nobody reset the checkpoint.
        while (result === TIMED_OUT) {
          if (passedOver) {
            await this.commit(passedOver);
            passedOver = null;
            passedOverCount = 0;
          } else {
            await this.checkNotReset();
          }
          result = await this.within(next, this.options.watchIntervalMs);
        }
        if (result.done) break;
        const batch: RecordedEvent[] = [result.value];
        let ended = false;
        while (batch.length < this.options.maxBatchSize && !this.stopping) {
          const more = nextOf(events);
          const ready = await readyNow(more);
          if (ready === NOT_READY) {
            pending = more;
            break;
          }
          if (ready.done) {
            ended = true;
            break;
          }
          batch.push(ready.value);
        }
        const handled = batch.filter((event) => this.projection.handles.includes(event.type));
        const last = batch[batch.length - 1].position;
        if (handled.length > 0) {
          await this.commit(last, handled);
          passedOver = null;
          passedOverCount = 0;
        } else {
          passedOver = last;
          passedOverCount += batch.length;
          if (passedOverCount >= this.options.maxUncheckpointed) {
            await this.commit(passedOver);
            passedOver = null;
            passedOverCount = 0;
          }
        }
        this.lastError = undefined;
        if (ended) break;
      }
      if (passedOver) await this.commit(passedOver);
    } finally {
      this.subscriptionClose = undefined;
      await subscription.close();
    }
  }

  /**
   * One transaction: reads the rows it does not keep (no locks; the checkpoint too until this
   * runner knows it), then sends BEGIN with the first row writes and the checkpoint move (which fails if another writer moved it) and COMMIT with the
   * last, so a batch of events for distinct rows is one round trip, and a batch costs as many as
   * one row has events in it. The transaction holds a transaction id only while the server runs
   * it and, for those repeated rows, the round trips between. Entities RowStatements does not cover
   * take TypeORM's path in an ordinary transaction.
   */
  private async commit(position: Position, events: readonly RecordedEvent[] = []): Promise<void> {
    const queryRunner = this.dataSource.createQueryRunner();
    try {
      // Once this runner has committed, the checkpoint is where it left it unless another replica
      // moved it or a rebuild reset it, and the move below fails then: so it is not read again.
      if (this.position) {
        await this.commitFrom(queryRunner, this.position, events, position);
        return;
      }
      const stored = await ProcessorCheckpoints.read(queryRunner, this.name);
      if (stored && comparePositions(stored, position) >= 0) {
        this.position = stored;
        return;
      }
      // "Nothing projected yet" must mean an empty read model (a rebuild empties it with the reset).
      if (stored === null && (await queryRunner.manager.exists(this.projection.entity))) {
        throw new CheckpointMissingError(this.name);
      }
      await this.commitFrom(queryRunner, stored, events.filter((event) => !stored || comparePositions(event.position, stored) > 0), position);
    } finally {
      await queryRunner.release();
    }
  }

  /** Applies `events` and moves the checkpoint from `stored` to `position`, or fails with CheckpointMovedError (CheckpointResetError for a reset). */
  private async commitFrom(queryRunner: QueryRunner, stored: Position | null, events: readonly RecordedEvent[], position: Position): Promise<void> {
    try {
      if (!(await this.commitWrapped(queryRunner, events, stored, position))) {
        this.committedRows.clear();
        await this.commitInTransaction(queryRunner, events, stored, position);
      }
    } catch (error) {
      this.committedRows.clear();
      if (error instanceof CheckpointMovedError) await this.checkNotReset();
      throw error;
    }
    this.position = position;
  }

  private async commitWrapped(queryRunner: QueryRunner, events: readonly RecordedEvent[], stored: Position | null, position: Position): Promise<boolean> {
    const move = ProcessorCheckpoints.moveOrFailStatement(this.name, stored, position);
    try {
      return await projectEventsWrapped<Row, RecordedEvent>(queryRunner.manager, this.projection, events, { before: ['BEGIN'], after: [move, 'COMMIT'] }, this.committedRows as CommittedRows<Row>);
    } catch (error) {
      // A failed statement leaves the transaction aborted; after COMMIT this is a no-op.
      await queryRunner.query('ROLLBACK').catch(() => undefined);
      if (error instanceof DatabaseError && error.code === CHECKPOINT_MOVED_SQLSTATE) throw new CheckpointMovedError(this.name);
      throw error;
    }
  }

  private async commitInTransaction(queryRunner: QueryRunner, events: readonly RecordedEvent[], stored: Position | null, position: Position): Promise<void> {
    await queryRunner.startTransaction();
    try {
      // The checkpoint move below keeps a second writer from committing over these rows: no row locks.
      await projectEvents(queryRunner.manager, this.projection, events, { lockRows: false });
      if (!(await ProcessorCheckpoints.move(queryRunner, this.name, stored, position))) throw new CheckpointMovedError(this.name);
      await queryRunner.commitTransaction();
    } catch (error) {
      await queryRunner.rollbackTransaction();
      throw error;
    }
  }

  private async checkNotReset(): Promise<void> {
    const stored = await ProcessorCheckpoints.read(this.dataSource, this.name);
    if (this.position && (stored === null || comparePositions(stored, this.position) < 0)) {
      throw new CheckpointResetError(this.name, this.position, stored);
    }
  }

  private async within<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<typeof TIMED_OUT>(
      (resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), ms)),
    );
    try {
      return await Promise.race([promise, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private backoff(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeFromBackoff = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

function nextOf(events: AsyncIterator<RecordedEvent>): Promise<IteratorResult<RecordedEvent>> {
  const next = events.next();
  // Rejections surface where `next` is awaited; this only stops an unhandled-rejection warning.
  next.catch(() => undefined);
  return next;
}

/**
 * The result when it is settled now (an event of a page already read resolves within microtasks),
 * else NOT_READY (a read is under way). A rejection counts as not ready: it surfaces where the
 * caller awaits the promise next.
 */
function readyNow<T>(promise: Promise<T>): Promise<T | typeof NOT_READY> {
  return new Promise((resolve) => {
    setImmediate(() => resolve(NOT_READY));
    promise.then(resolve, () => resolve(NOT_READY));
  });
}
