import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One checkpoint per processor (relay, reactor, projection): the last global position it has
 * finished with. numeric(20,0) because positions are unsigned 64-bit (xid8 commit in
 * PostgreSQL, log offsets in EventStoreDB). NULL = nothing
 * processed yet (a reset). Unqualified: it lands in the service schema through the
 * DataSource's search_path.
 */
export class CreateProcessorCheckpoints1767225600002 implements MigrationInterface {
  readonly name = 'CreateProcessorCheckpoints1767225600002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE processor_checkpoints (
        processor_id text PRIMARY KEY,
        commit_position numeric(20, 0),
        prepare_position numeric(20, 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((commit_position IS NULL) = (prepare_position IS NULL))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE processor_checkpoints');
  }
}

/** Leases of processors that must run on one replica at a time (see ProcessorLeases). */
export class CreateProcessorLeases1767225600004 implements MigrationInterface {
  readonly name = 'CreateProcessorLeases1767225600004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE processor_leases (
        processor_id text PRIMARY KEY,
        owner text NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE processor_leases');
  }
}

/** Add these to the service DataSource's `migrations` (migrateEventStore runs them too). */
export const checkpointMigrations = [
  CreateProcessorCheckpoints1767225600002,
  CreateProcessorLeases1767225600004,
];
