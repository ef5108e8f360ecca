import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The ERP's customers, sales orders and their changes feed. Unqualified: they land in the service schema. */
export class CreateErpTables1769100000000 implements MigrationInterface {
  readonly name = 'CreateErpTables1769100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Numbers are never reused, not even after POST /admin/reset (which does not restart sequences).
    await queryRunner.query(`CREATE SEQUENCE customer_numbers START 100001`);
    await queryRunner.query(`
      CREATE TABLE customers (
        customer_number text PRIMARY KEY,
        external_ref text NOT NULL,
        name text NOT NULL,
        email text NOT NULL,
        country text NOT NULL,
        vat_id text,
        address jsonb,
        conditions jsonb,
        idempotency_key text UNIQUE,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX customers_external_ref_idx ON customers (external_ref)`);
    await queryRunner.query(`CREATE SEQUENCE sales_order_numbers START 500001`);
    await queryRunner.query(`
      CREATE TABLE sales_orders (
        order_number text PRIMARY KEY,
        external_ref text NOT NULL,
        customer_number text NOT NULL REFERENCES customers (customer_number) ON DELETE CASCADE,
        currency text NOT NULL,
        lines jsonb NOT NULL,
        conditions jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('accepted', 'in_fulfilment', 'shipped', 'invoiced')),
        version integer NOT NULL,
        history jsonb NOT NULL,
        idempotency_key text UNIQUE,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX sales_orders_external_ref_idx ON sales_orders (external_ref)`);
    await queryRunner.query(`
      CREATE TABLE sales_order_changes (
        change_id bigserial PRIMARY KEY,
        order_number text NOT NULL REFERENCES sales_orders (order_number) ON DELETE CASCADE,
        external_ref text NOT NULL,
        customer_number text NOT NULL,
        status text NOT NULL,
        version integer NOT NULL,
        changed_at timestamptz(3) NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE sales_order_changes');
    await queryRunner.query('DROP TABLE sales_orders');
    await queryRunner.query('DROP SEQUENCE sales_order_numbers');
    await queryRunner.query('DROP TABLE customers');
    await queryRunner.query('DROP SEQUENCE customer_numbers');
  }
}
