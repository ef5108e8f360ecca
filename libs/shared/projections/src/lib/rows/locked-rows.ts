import type { EntityManager, EntityTarget, ObjectLiteral, QueryRunner } from 'typeorm';
import type { ProjectionEffect } from '../project-event';
import type { RowStatements } from './row-statements';

/**
 * A read model's rows as one transaction projects into them: the rows of all its events locked
 * (unless the caller serialises its writers otherwise: `lock: false`) and read in one query, then one statement per event that changes a row (INSERT when it was
 * absent, UPDATE by primary key, DELETE). A row an event of the same transaction will read again
 * comes back from its write (RETURNING), hydrated as a fresh read would give it, so evolve sees
 * exactly what it saw when each event was its own transaction.
 */
export class LockedRows<Row extends ObjectLiteral> {
  private readonly rows = new Map<string, Row | null>();
  /** Events still to apply per key. */
  private readonly pending = new Map<string, number>();

  constructor(
    private readonly queryRunner: QueryRunner,
    private readonly manager: EntityManager,
    private readonly entity: EntityTarget<Row>,
    private readonly statements: RowStatements,
    private readonly lock = true,
  ) {}

  /** Reads (and locks) the rows of these keys (one per event to apply, repeats included). */
  async load(keys: readonly (string | number)[]): Promise<void> {
    for (const key of keys) this.pending.set(String(key), (this.pending.get(String(key)) ?? 0) + 1);
    const unread = new Map(keys.filter((key) => !this.rows.has(String(key))).map((key) => [String(key), key]));
    await this.read([...unread.values()]);
  }

  /** Applies one event's evolve to the row of `key` (loaded by `load`). */
  async apply(key: string | number, evolve: (row: Row | null) => Row | null): Promise<ProjectionEffect> {
    const id = String(key);
    if (!this.rows.has(id)) await this.read([key]);
    const readAgain = (this.pending.get(id) ?? 1) > 1;
    this.pending.set(id, (this.pending.get(id) ?? 1) - 1);
    const row = this.rows.get(id) ?? null;
    const next = evolve(row);
    if (next === row) return 'unchanged';
    if (next === null) {
      await this.records(this.statements.delete(key));
      this.rows.set(id, null);
      return 'deleted';
    }
    if (this.statements.keyOf(next) !== id) {
      // A row under another key than the event's: TypeORM's save, as always; both are read anew.
      await this.manager.save(this.entity, next);
      this.forget(id);
      this.forget(this.statements.keyOf(next));
      return 'saved';
    }
    const write = row === null ? this.statements.insert(next, readAgain) : this.statements.update(next, readAgain);
    // No set property: nothing to write, as save would write nothing.
    if (!write) return 'saved';
    const [written] = await this.records(write);
    if (readAgain) this.rows.set(id, this.statements.hydrate(written) as Row);
    else this.forget(id);
    return 'saved';
  }

  private async read(keys: readonly (string | number)[]): Promise<void> {
    if (keys.length === 0) return;
    for (const key of keys) this.rows.set(String(key), null);
    for (const raw of await this.records(this.statements.select(keys, { lock: this.lock }))) {
      this.rows.set(this.statements.keyOfRaw(raw), this.statements.hydrate(raw) as Row);
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
