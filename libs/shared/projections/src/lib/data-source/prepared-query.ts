import { preparedStatementName } from '@switchboard/event-sourcing';
import type { ClientBase } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Runs a statement of a hot path (a query endpoint's read, a command's lookup, a one-statement
 * write) as a named prepared statement on a connection of the DataSource, in autocommit, so
 * PostgreSQL parses and plans it once per connection: TypeORM sends every query unnamed, planned
 * anew each time, which for a small lookup costs as much as running it. Only for a fixed text with
 * `$n` parameters (see preparedStatementName).
 */
export async function preparedQuery<Row>(dataSource: DataSource, text: string, values: readonly unknown[]): Promise<Row[]> {
  const queryRunner = dataSource.createQueryRunner();
  try {
    const client = (await queryRunner.connect()) as ClientBase;
    const { rows } = await client.query({ name: preparedStatementName('rm_', text), text, values: [...values] });
    return rows as Row[];
  } finally {
    await queryRunner.release();
  }
}
