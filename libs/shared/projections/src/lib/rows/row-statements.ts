import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** Primary key types whose values compare as they are, so an event's key finds its loaded row. */
const TEXT_KEYS = new Set<unknown>([String, 'text', 'varchar', 'character varying']);

const cache = new WeakMap<EntityMetadata, RowStatements | null>();

/** The alias a versioned select gives a row's version; hydrate leaves it out. */
export const VERSION_COLUMN = '__row_version';

/**
 * The SQL for a read model's rows by primary key, built once per entity (and per set of set
 * columns): TypeORM's findOne + save build their queries anew for every event and save reads the
 * row a second time. Values go through the driver as TypeORM's own would (JSON, dates,
 * transformers), and rows come back hydrated as findOne returns them.
 *
 * Only for plain entities: one text primary column, no relations, embedded, inheritance, special
 * or generated columns, listeners or subscribers. For any other entity `of` answers undefined and
 * the caller keeps TypeORM's own path.
 */
export class RowStatements {
  private readonly table: string;
  private readonly primary: ColumnMetadata;
  private readonly columns: readonly ColumnMetadata[];
  private readonly selectColumns: string;
  private readonly writes = new Map<string, string>();

  static of(dataSource: DataSource, target: EntityTarget<ObjectLiteral>): RowStatements | undefined {
    const metadata = dataSource.getMetadata(target);
    let statements = cache.get(metadata);
    if (statements === undefined) {
      statements = isPlain(dataSource, metadata) ? new RowStatements(dataSource, metadata) : null;
      cache.set(metadata, statements);
    }
    return statements ?? undefined;
  }

  private constructor(
    private readonly dataSource: DataSource,
    private readonly metadata: EntityMetadata,
  ) {
    const escape = (name: string) => dataSource.driver.escape(name);
    this.table = metadata.tablePath.split('.').map(escape).join('.');
    this.primary = metadata.primaryColumns[0];
    this.columns = metadata.columns.filter((column) => !column.isVirtual);
    this.selectColumns = this.columns.map((column) => escape(column.databaseName)).join(', ');
  }

  /**
   * Reads the rows with these primary key values, locking them unless `lock` is false (the absent
   * ones are not locked). With `versioned`, each row also has its version (the `xmin` of the tuple:
   * it changes with every write) under VERSION_COLUMN, for a write guarded by it (`update`/`delete`).
   */
  select(keys: readonly unknown[], { lock = true, versioned = false } = {}): [string, unknown[]] {
    return [
      `SELECT ${versioned ? `xmin::text AS "${VERSION_COLUMN}", ` : ''}${this.selectColumns} FROM ${this.table} ` +
        `WHERE ${this.escape(this.primary.databaseName)} = ANY($1)${lock ? ' FOR UPDATE' : ''}`,
      [keys.map((key) => this.dataSource.driver.preparePersistentValue(key, this.primary))],
    ];
  }

  /** A row read by `select` or returned by a write, as findOne would give it. */
  hydrate(raw: Record<string, unknown>): ObjectLiteral {
    const row = this.metadata.create(undefined, { fromDeserializer: true });
    for (const column of this.columns) {
      const value = raw[column.databaseName];
      if (value !== undefined) column.setEntityValue(row, this.dataSource.driver.prepareHydratedValue(value, column));
    }
    return row;
  }

  /** The key a raw or hydrated row is found under. */
  keyOfRaw(raw: Record<string, unknown>): string {
    return String(raw[this.primary.databaseName]);
  }

  keyOf(row: ObjectLiteral): string {
    return String(this.primary.getEntityValue(row));
  }

  /** INSERT of the row's set properties (an undefined one takes the column default, as save does). */
  insert(row: ObjectLiteral, returning: boolean): [string, unknown[]] {
    const { columns, values } = this.setColumns(this.columns, row);
    const sql = this.write(`i${returning ? 'r' : ''}:${columns.map((column) => column.databaseName).join(',')}`, () =>
      `INSERT INTO ${this.table} (${columns.map((column) => this.escape(column.databaseName)).join(', ')}) ` +
      `VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})${returning ? ` RETURNING ${this.selectColumns}` : ''}`,
    );
    return [sql, values];
  }

  /**
   * UPDATE by primary key of the row's set properties; null when it sets nothing (save would write
   * nothing either). With `version` (from a versioned select) it changes nothing if another writer
   * wrote the row since.
   */
  update(row: ObjectLiteral, returning: boolean, version?: string): [string, unknown[]] | null {
    const { columns, values } = this.setColumns(
      this.columns.filter((column) => column !== this.primary),
      row,
    );
    if (columns.length === 0) return null;
    const guarded = version !== undefined;
    const sql = this.write(`u${returning ? 'r' : ''}${guarded ? 'v' : ''}:${columns.map((column) => column.databaseName).join(',')}`, () =>
      `UPDATE ${this.table} SET ${columns.map((column, i) => `${this.escape(column.databaseName)} = $${i + 1}`).join(', ')} ` +
      `WHERE ${this.escape(this.primary.databaseName)} = $${columns.length + 1}${guarded ? ` AND xmin = $${columns.length + 2}::xid` : ''}` +
      `${returning ? ` RETURNING ${this.selectColumns}` : ''}`,
    );
    const key = this.dataSource.driver.preparePersistentValue(this.primary.getEntityValue(row), this.primary);
    return [sql, guarded ? [...values, key, version] : [...values, key]];
  }

  /** DELETE by primary key; with `version` (from a versioned select) it deletes nothing if another writer wrote the row since. */
  delete(key: unknown, version?: string): [string, unknown[]] {
    const value = this.dataSource.driver.preparePersistentValue(key, this.primary);
    const where = `${this.escape(this.primary.databaseName)} = $1`;
    return version === undefined
      ? [`DELETE FROM ${this.table} WHERE ${where}`, [value]]
      : [`DELETE FROM ${this.table} WHERE ${where} AND xmin = $2::xid`, [value, version]];
  }

  private setColumns(candidates: readonly ColumnMetadata[], row: ObjectLiteral) {
    const columns: ColumnMetadata[] = [];
    const values: unknown[] = [];
    for (const column of candidates) {
      const value = column.getEntityValue(row);
      if (value === undefined) continue;
      columns.push(column);
      values.push(this.dataSource.driver.preparePersistentValue(value, column));
    }
    return { columns, values };
  }

  private write(shape: string, build: () => string): string {
    let sql = this.writes.get(shape);
    if (sql === undefined) this.writes.set(shape, (sql = build()));
    return sql;
  }

  private escape(name: string): string {
    return this.dataSource.driver.escape(name);
  }
}

function isPlain(dataSource: DataSource, metadata: EntityMetadata): boolean {
  return (
    dataSource.options.type === 'postgres' &&
    !dataSource.options.typename &&
    dataSource.subscribers.length === 0 &&
    metadata.primaryColumns.length === 1 &&
    TEXT_KEYS.has(metadata.primaryColumns[0].type) &&
    metadata.relations.length === 0 &&
    metadata.embeddeds.length === 0 &&
    metadata.childEntityMetadatas.length === 0 &&
    !metadata.parentEntityMetadata &&
    !metadata.treeType &&
    metadata.listeners.length === 0 &&
    metadata.columns.every(
      (column) =>
        !column.isGenerated &&
        !column.isCreateDate &&
        !column.isUpdateDate &&
        !column.isDeleteDate &&
        !column.isVersion &&
        !column.isVirtualProperty &&
        !column.isDiscriminator &&
        !column.isTreeLevel &&
        !column.relationMetadata &&
        column.isSelect &&
        column.isInsert &&
        column.isUpdate,
    )
  );
}
