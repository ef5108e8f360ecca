import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hash of the request that placed a sales order with an Idempotency-Key: the placing keeps
 * its key on the order itself, so a repeat with another body is told apart from a retry here.
 * NULL for orders placed before it (their repeats are answered as retries).
 */
export class AddSalesOrderRequestHash1769300000000 implements MigrationInterface {
  readonly name = 'AddSalesOrderRequestHash1769300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE sales_orders ADD COLUMN request_hash text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE sales_orders DROP COLUMN request_hash');
  }
}
