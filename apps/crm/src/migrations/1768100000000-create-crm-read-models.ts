import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The CRM service's read models. Unqualified: they land in the service schema (search_path). */
export class CreateCrmReadModels1768100000000 implements MigrationInterface {
  readonly name = 'CreateCrmReadModels1768100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE customer_views (
        customer_id text PRIMARY KEY,
        status text NOT NULL CHECK (status IN ('prospect', 'won')),
        name text NOT NULL,
        email text NOT NULL,
        country text NOT NULL,
        vat_id text,
        address jsonb,
        erp_customer_number text,
        clm_customer_id text,
        registered_at timestamptz(3) NOT NULL,
        won_at timestamptz(3),
        updated_at timestamptz(3) NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE customer_list (
        customer_id text PRIMARY KEY,
        status text NOT NULL CHECK (status IN ('prospect', 'won')),
        name text NOT NULL,
        email text NOT NULL,
        country text NOT NULL,
        search_text text NOT NULL,
        registered_at timestamptz(3) NOT NULL
      )`);
    // The list's stable order is (registered_at DESC, customer_id DESC), with or without a status filter.
    await queryRunner.query(`CREATE INDEX customer_list_registered_idx ON customer_list (registered_at, customer_id)`);
    await queryRunner.query(`CREATE INDEX customer_list_status_idx ON customer_list (status, registered_at, customer_id)`);
    await queryRunner.query(`
      CREATE TABLE contract_records (
        contract_id text PRIMARY KEY,
        customer_id text NOT NULL,
        clm_contract_id text NOT NULL,
        title text NOT NULL,
        status text NOT NULL CHECK (status IN ('drafted', 'signed')),
        drafted_at timestamptz(3) NOT NULL,
        signed_at timestamptz(3),
        signed_copy_requested_at timestamptz(3),
        signed_copy jsonb,
        updated_at timestamptz(3) NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX contract_records_customer_idx ON contract_records (customer_id, drafted_at, contract_id)`);
    await queryRunner.query(`
      CREATE TABLE customer_orders (
        order_id text PRIMARY KEY,
        customer_id text NOT NULL,
        status text NOT NULL,
        status_at timestamptz(3) NOT NULL,
        status_sequence bigint,
        currency text,
        placed_at timestamptz(3),
        erp_order_number text
      )`);
    await queryRunner.query(`CREATE INDEX customer_orders_customer_idx ON customer_orders (customer_id, status_at, order_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE customer_orders');
    await queryRunner.query('DROP TABLE contract_records');
    await queryRunner.query('DROP TABLE customer_list');
    await queryRunner.query('DROP TABLE customer_views');
  }
}
