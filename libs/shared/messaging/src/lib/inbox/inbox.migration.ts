import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox table. Unqualified on purpose: it lands in the service's schema through the
 * DataSource's search_path (`extra: { options: '-c search_path=<schema>' }`).
 */
export class CreateInbox1767225600000 implements MigrationInterface {
  readonly name = 'CreateInbox1767225600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE inbox (
        consumer text NOT NULL,
        event_id text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE inbox');
  }
}

/** Add these to the service DataSource's `migrations`. */
export const inboxMigrations = [CreateInbox1767225600000];
