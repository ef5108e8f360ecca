import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The order service's read models. Unqualified: they land in the service schema (search_path). */
export class CreateOrderReadModels1768000000000 implements MigrationInterface {
  readonly name = 'CreateOrderReadModels1768000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE order_summaries (
        order_id text PRIMARY KEY,
        customer_id text NOT NULL,
        status text NOT NULL,
        currency text NOT NULL,
        lines jsonb NOT NULL,
        erp_order_number text,
        confirmed_lines jsonb,
        conditions jsonb,
        erp_version integer,
        status_history jsonb NOT NULL,
        status_reason text,
        placed_at timestamptz(3) NOT NULL,
        updated_at timestamptz(3) NOT NULL
      )`);
    // The list's stable order is (placed_at DESC, order_id DESC), with or without a filter.
    await queryRunner.query(`CREATE INDEX order_summaries_customer_idx ON order_summaries (customer_id, placed_at, order_id)`);
    await queryRunner.query(`CREATE INDEX order_summaries_status_idx ON order_summaries (status, placed_at, order_id)`);
    await queryRunner.query(`CREATE INDEX order_summaries_placed_idx ON order_summaries (placed_at, order_id)`);
    await queryRunner.query(`
      CREATE TABLE customer_standings (
        customer_id text PRIMARY KEY,
        standing text NOT NULL CHECK (standing IN ('prospect', 'won')),
        name text,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE customer_standings');
    await queryRunner.query('DROP TABLE order_summaries');
  }
}
