import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per (scope, key): `pending` while the first request runs, then `completed` with the
 * answer to replay. Unqualified: it lands in the service schema through the DataSource's search_path.
 */
export class CreateIdempotencyKeys1767225600003 implements MigrationInterface {
  readonly name = 'CreateIdempotencyKeys1767225600003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        scope text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'completed')),
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (scope, key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE idempotency_keys');
  }
}

/** Add these to the service DataSource's `migrations`. */
export const idempotencyMigrations = [CreateIdempotencyKeys1767225600003];
