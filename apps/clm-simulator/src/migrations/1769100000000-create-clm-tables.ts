import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The CLM's customers and contracts. Unqualified: they land in the service schema. */
export class CreateClmTables1769100000000 implements MigrationInterface {
  readonly name = 'CreateClmTables1769100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Ids are never reused, not even after POST /admin/reset (which does not restart sequences).
    await queryRunner.query(`CREATE SEQUENCE clm_customer_ids START 100001`);
    await queryRunner.query(`
      CREATE TABLE clm_customers (
        clm_customer_id text PRIMARY KEY,
        external_ref text NOT NULL,
        name text NOT NULL,
        email text NOT NULL,
        idempotency_key text UNIQUE,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX clm_customers_external_ref_idx ON clm_customers (external_ref)`);
    await queryRunner.query(`CREATE SEQUENCE contract_ids START 100001`);
    await queryRunner.query(`
      CREATE TABLE contracts (
        contract_id text PRIMARY KEY,
        clm_customer_id text NOT NULL REFERENCES clm_customers (clm_customer_id) ON DELETE CASCADE,
        title text NOT NULL,
        status text NOT NULL CHECK (status IN ('drafted', 'signed')),
        conditions jsonb NOT NULL,
        drafted_at timestamptz(3) NOT NULL,
        signed_at timestamptz(3),
        signed_by text
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE contracts');
    await queryRunner.query('DROP SEQUENCE contract_ids');
    await queryRunner.query('DROP TABLE clm_customers');
    await queryRunner.query('DROP SEQUENCE clm_customer_ids');
  }
}
