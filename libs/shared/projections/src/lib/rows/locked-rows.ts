import type { ClientBase, QueryResult } from 'pg';
import type { EntityManager, EntityTarget, ObjectLiteral, QueryRunner } from 'typeorm';
import type { ProjectionEffect } from '../project-event';
import { inlineParameters } from './inline-parameters';
import type { RowStatements } from './row-statements';

export interface LockedRowsOptions<Row = ObjectLiteral> {
  /** Lock the rows read (default); false where the caller keeps a second writer from committing otherwise. */
  readonly lock?: boolean;
  /**
   * The caller opens and ends the transaction with raw statements (`applyAll`'s before/after):
   * TypeORM's save, which would run its own transaction, is not available; RowMovesKeyError instead.
   */
  readonly rawTransaction?: boolean;
  /**
   * The rows as this writer's committed transactions left them, where it is their only writer (the
   * projection runner, whose guarded checkpoint move fails once anybody else wrote): a kept row is
   * not read again. Every write returns its row; keepCommitted() keeps them once the caller's
   * COMMIT went through. On any failure the caller must clear them all.
   */
  readonly committed?: CommittedRows<Row>;
}

/** A writer's rows by key as it last committed them (an LRU cache, say). */
export interface CommittedRows<Row> {
  get(id: string): Row | undefined;
  set(id: string, row: Row): unknown;
  delete(id: string): unknown;
}

/** Statements `applyAll` sends with its first round trip (e.g. BEGIN) and with its last (e.g. a checkpoint move and COMMIT). */
export interface WrapStatements {
  readonly before?: readonly string[];
  readonly after?: readonly string[];
}

/** An evolve moved a row to another key, which only TypeORM's save can write (see LockedRowsOptions.rawTransaction). */
export class RowMovesKeyError extends Error {
  constructor(from: string, to: string) {
    super(`an evolve moved the row ${from} to the key ${to}`);
    this.name = 'RowMovesKeyError';
  }
}

/**
 * A read model's rows as one transaction projects into them: the rows of all its events locked
 * (unless the caller serialises its writers otherwise: `lock: false`) and read in one query, then
 * one statement per event that changes a row (INSERT when it was absent, UPDATE by primary key,
 * DELETE), sent a wave at a time. A row an event of the same transaction will read again comes
 * back from its write (RETURNING), hydrated as a fresh read would give it, so evolve sees exactly
 * what it saw when each event was its own transaction.
 */
export class LockedRows<Row extends ObjectLiteral> {
  private readonly rows = new Map<string, Row | null>();
  /** Writes not sent yet: they go together in one round trip. */
  private queued: { id: string; sql: string; readAgain: boolean }[] = [];
  /** Statements to send first with the next round trip (the caller's BEGIN). */
  private opening: string[] = [];
  /** Rows this transaction read or wrote, by key (null: deleted), for keepCommitted. */
  private readonly seen = new Map<string, Row | null>();
  /** Keys written in this transaction: never taken from `committed` again. */
  private readonly written = new Set<string>();

  constructor(
    private readonly queryRunner: QueryRunner,
    private readonly manager: EntityManager,
    private readonly entity: EntityTarget<Row>,
    private readonly statements: RowStatements,
    private readonly options: LockedRowsOptions<Row> = {},
  ) {}

  /** Reads (and locks) the rows of these keys (one per event to apply, repeats included). */
  async load(keys: readonly (string | number)[]): Promise<void> {
    const unread = new Map(keys.filter((key) => !this.rows.has(String(key))).map((key) => [String(key), key]));
    await this.read([...unread.values()]);
  }

  /**
   * Applies each item's evolve to the row of its key (loaded by `load`), in order, and writes the
   * changes a wave at a time: wave k holds every key's k-th item, and its writes go to the server
   * in ONE round trip (a row a later wave reads again comes back from its write). A transaction
   * holds a transaction id from its first write, and every round trip after it waits for the
   * process's event loop, so a batch costs as many round trips as one key has events in it, not
   * as many as it has events.
   */
  async applyAll(
    items: readonly { key: string | number; evolve: (row: Row | null) => Row | null }[],
    { before = [], after = [] }: WrapStatements = {},
  ): Promise<ProjectionEffect[]> {
    this.opening = [...before];
    const effects: ProjectionEffect[] = [];
    let remaining = items.map((item, index) => ({ ...item, index }));
    while (remaining.length > 0) {
      const wave: typeof remaining = [];
      const later: typeof remaining = [];
      const inWave = new Set<string>();
      for (const item of remaining) {
        const id = String(item.key);
        (inWave.has(id) ? later : wave).push(item);
        inWave.add(id);
      }
      const readLater = new Set(later.map((item) => String(item.key)));
      for (const item of wave) effects[item.index] = await this.applyOne(item.key, item.evolve, readLater.has(String(item.key)));
      if (later.length > 0) await this.flush();
      remaining = later;
    }
    await this.flush(after);
    return effects;
  }

  private async applyOne(key: string | number, evolve: (row: Row | null) => Row | null, readAgain: boolean): Promise<ProjectionEffect> {
    const id = String(key);
    if (!this.rows.has(id)) {
      await this.flush();
      await this.read([key]);
    }
    const row = this.rows.get(id) ?? null;
    const next = evolve(row);
    if (next === row) return 'unchanged';
    if (next === null) {
      this.queue(id, this.statements.delete(key), false);
      this.rows.set(id, null);
      this.seen.set(id, null);
      return 'deleted';
    }
    if (this.statements.keyOf(next) !== id) {
      if (this.options.rawTransaction) throw new RowMovesKeyError(id, this.statements.keyOf(next));
      // A row under another key than the event's: TypeORM's save, as always; both are read anew.
      await this.flush();
      await this.manager.save(this.entity, next);
      this.forget(id);
      this.forget(this.statements.keyOf(next));
      return 'saved';
    }
    // With committed rows to keep, every write returns its row.
    const returning = readAgain || this.options.committed !== undefined;
    const write = row === null ? this.statements.insert(next, returning) : this.statements.update(next, returning);
    // No set property: nothing to write, as save would write nothing.
    if (!write) return 'saved';
    this.queue(id, write, readAgain);
    // Read again from the write's answer when used again; else from the table if ever needed.
    this.forget(id);
    return 'saved';
  }

  private queue(id: string, statement: [string, unknown[]], readAgain: boolean): void {
    this.written.add(id);
    this.queued.push({ id, sql: inlineParameters(...statement), readAgain });
  }

  /** After the caller's COMMIT went through: the rows read and written become the kept committed rows. */
  keepCommitted(): void {
    const committed = this.options.committed;
    if (!committed) return;
    for (const [id, row] of this.seen) {
      if (row === null) committed.delete(id);
      else committed.set(id, row);
    }
  }

  /**
   * Sends the queued writes in one simple-protocol query, in order, after what `before` opened
   * (once) and before `closing`, and keeps the rows they return for reading again.
   */
  private async flush(closing: readonly string[] = []): Promise<void> {
    const opening = this.opening;
    const queued = this.queued;
    if (opening.length + queued.length + closing.length === 0) return;
    this.opening = [];
    this.queued = [];
    const client = (await this.queryRunner.connect()) as ClientBase;
    const answer: QueryResult | QueryResult[] = await client.query([...opening, ...queued.map((write) => write.sql), ...closing].join(';\n'));
    const results = Array.isArray(answer) ? answer : [answer];
    for (const [i, write] of queued.entries()) {
      const written = results[opening.length + i]?.rows[0] as Record<string, unknown> | undefined;
      if (!written) continue;
      const row = this.statements.hydrate(written) as Row;
      if (write.readAgain) this.rows.set(write.id, row);
      this.seen.set(write.id, row);
    }
  }

  private async read(keys: readonly (string | number)[]): Promise<void> {
    const unread: (string | number)[] = [];
    for (const key of keys) {
      const id = String(key);
      const kept = this.written.has(id) ? undefined : this.options.committed?.get(id);
      if (kept === undefined) unread.push(key);
      else this.rows.set(id, kept);
    }
    if (unread.length === 0) return;
    for (const key of unread) this.rows.set(String(key), null);
    for (const raw of await this.records(this.statements.select(unread, { lock: this.options.lock ?? true }))) {
      const id = this.statements.keyOfRaw(raw);
      const row = this.statements.hydrate(raw) as Row;
      this.rows.set(id, row);
      if (!this.written.has(id)) this.seen.set(id, row);
    }
  }

  /** Read again when used again. */
  private forget(id: string): void {
    this.rows.delete(id);
  }

  private async records([sql, parameters]: [string, unknown[]]): Promise<Record<string, unknown>[]> {
    return (await this.queryRunner.query(sql, parameters, true)).records ?? [];
  }
}
