import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The signed copies (content-addressed) and the contract read model. Unqualified: they land in the service schema (search_path). */
export class CreateContractAdapterTables1769200000000 implements MigrationInterface {
  readonly name = 'CreateContractAdapterTables1769200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE documents (
        sha256 char(64) PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        content bytea NOT NULL,
        content_type text NOT NULL,
        size integer NOT NULL CHECK (size = octet_length(content)),
        stored_at timestamptz(3) NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE contract_views (
        contract_id text PRIMARY KEY,
        clm_contract_id text NOT NULL,
        customer_id text NOT NULL,
        clm_customer_id text NOT NULL,
        title text NOT NULL,
        status text NOT NULL CHECK (status IN ('drafted', 'signed', 'signed-copy-stored')),
        conditions jsonb NOT NULL,
        drafted_at timestamptz(3) NOT NULL,
        signed_at timestamptz(3),
        signed_by text,
        document_id text,
        document_sha256 char(64),
        document_size integer,
        updated_at timestamptz(3) NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX contract_views_customer_idx ON contract_views (customer_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE contract_views');
    await queryRunner.query('DROP TABLE documents');
  }
}
