import type { DataSource, EntityTarget } from 'typeorm';

/**
 * A row as PostgreSQL's row_to_json gives it, as TypeORM would have loaded the entity: property
 * names for column names, Dates for timestamps, strings for bigints (JSON has them as numbers).
 */
export function entityFromJson<Entity extends object>(dataSource: DataSource, target: EntityTarget<Entity>, json: Record<string, unknown>): Entity {
  const metadata = dataSource.getMetadata(target);
  const entity = metadata.create() as Record<string, unknown>;
  for (const column of metadata.columns) {
    const value = json[column.databaseName];
    entity[column.propertyName] = value === null || value === undefined ? value : convert(String(column.type), value);
  }
  return entity as Entity;
}

function convert(type: string, value: unknown): unknown {
  if (type.startsWith('timestamp') || type === 'date') return new Date(value as string);
  if (type === 'bigint') return String(value);
  return value;
}
