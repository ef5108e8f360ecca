import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One checkpoint per projection, written in the same transaction as its read model.
 * numeric(20,0): positions are unsigned 64-bit (xid8 commit in PostgreSQL, log offsets in
 * EventStoreDB). NULL = nothing projected yet. Unqualified: it lands in the service schema
 * through the DataSource's search_path.
 */
export class CreateProjectionCheckpoints1767225600001 implements MigrationInterface {
  readonly name = 'CreateProjectionCheckpoints1767225600001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE projection_checkpoints (
        projection text PRIMARY KEY,
        commit_position numeric(20, 0),
        prepare_position numeric(20, 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((commit_position IS NULL) = (prepare_position IS NULL))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE projection_checkpoints');
  }
}

/** Add these to the service DataSource's `migrations`. */
export const projectionMigrations = [CreateProjectionCheckpoints1767225600001];
