import { createHash } from 'node:crypto';
import type { ClientBase } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Runs a statement of a hot path (a query endpoint's read, a command's lookup, a one-statement
 * write) as a named prepared statement on a connection of the DataSource, in autocommit, so
 * PostgreSQL parses and plans it once per connection: TypeORM sends every query unnamed, planned
 * anew each time, which for a small lookup costs as much as running it. The name comes from the
 * text, so one text is one statement on every connection; only for a fixed text with `$n`
 * parameters (a text built from values would prepare without end).
 */
export async function preparedQuery<Row>(dataSource: DataSource, text: string, values: readonly unknown[]): Promise<Row[]> {
  const queryRunner = dataSource.createQueryRunner();
  try {
    const client = (await queryRunner.connect()) as ClientBase;
    const { rows } = await client.query({ name: statementName(text), text, values: [...values] });
    return rows as Row[];
  } finally {
    await queryRunner.release();
  }
}

const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `rm_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}
