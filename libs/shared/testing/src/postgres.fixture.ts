import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';

/** The database the tests use; scripts/infra.sh creates it. */
export const TEST_DATABASE_URL =
  process.env['DATABASE_URL'] ?? 'postgres://switchboard:switchboard@127.0.0.1:5432/switchboard';

export interface TestSchema {
  /** A fresh, empty schema name, unique to this test run (safe to run twice and in parallel). */
  readonly schema: string;
  readonly connectionString: string;
  /** A pool for the test's own assertions; its search_path is the schema. */
  readonly pool: Pool;
  /** Drops the schema and closes the pool. */
  drop(): Promise<void>;
}

/** Creates a throwaway PostgreSQL schema named `<prefix>_<random>` (`-` in the prefix becomes `_`). */
export async function createTestSchema(prefix = 't'): Promise<TestSchema> {
  const schema = `${prefix.replace(/[^a-z0-9_]/gi, '_')}_${randomBytes(5).toString('hex')}`.toLowerCase();
  const admin = new Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
  try {
    await admin.query(`CREATE SCHEMA "${schema}"`);
  } finally {
    await admin.end();
  }
  const pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 4, options: `-c search_path="${schema}"` });
  return {
    schema,
    connectionString: TEST_DATABASE_URL,
    pool,
    async drop() {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    },
  };
}
