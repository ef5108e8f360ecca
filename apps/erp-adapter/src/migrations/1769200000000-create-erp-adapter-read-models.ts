import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The ERP adapter's read models and the changes-feed cursor. Unqualified: they land in the service schema (search_path). */
export class CreateErpAdapterReadModels1769200000000 implements MigrationInterface {
  readonly name = 'CreateErpAdapterReadModels1769200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE customer_syncs (
        customer_id text PRIMARY KEY,
        status text NOT NULL CHECK (status IN ('synced', 'refused')),
        erp_customer_number text,
        refusal jsonb,
        conditions jsonb,
        updated_at timestamptz(3) NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE order_syncs (
        order_id text PRIMARY KEY,
        customer_id text NOT NULL,
        erp_customer_number text NOT NULL,
        status text NOT NULL,
        erp_order_number text,
        erp_version integer,
        confirmed_lines jsonb,
        conditions jsonb,
        rejection_reason text,
        changes jsonb NOT NULL,
        updated_at timestamptz(3) NOT NULL
      )`);
    // The poller's cursor per feed: the last change id applied. One row, locked by the polling replica.
    await queryRunner.query(`
      CREATE TABLE erp_change_cursors (
        feed text PRIMARY KEY,
        position bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`INSERT INTO erp_change_cursors (feed, position) VALUES ('sales-orders', 0)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE erp_change_cursors');
    await queryRunner.query('DROP TABLE order_syncs');
    await queryRunner.query('DROP TABLE customer_syncs');
  }
}
