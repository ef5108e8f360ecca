import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per verified delivery, keyed by (source, webhook id): the key that makes a replayed
 * delivery an answer rather than a second application. `pending` rows are claimed by the
 * processor (FOR UPDATE SKIP LOCKED) when `next_attempt_at` is due; `dead` rows wait for an
 * operator. Unqualified: it lands in the service schema through the DataSource's search_path.
 */
export class CreateInboundWebhooks1767225600010 implements MigrationInterface {
  readonly name = 'CreateInboundWebhooks1767225600010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE inbound_webhooks (
        source text NOT NULL,
        webhook_id text NOT NULL,
        sent_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        payload jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'processed', 'dead')),
        result jsonb,
        response_status integer,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        processed_at timestamptz,
        PRIMARY KEY (source, webhook_id)
      )`);
    await queryRunner.query(`CREATE INDEX inbound_webhooks_due ON inbound_webhooks (next_attempt_at) WHERE status = 'pending'`);
    await queryRunner.query(`CREATE INDEX inbound_webhooks_dead ON inbound_webhooks (source, received_at) WHERE status = 'dead'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE inbound_webhooks');
  }
}

/**
 * The lease of a try: a claim sets `claim_token` and moves `next_attempt_at` to the lease's end,
 * and the outcome is recorded only under that token, so a try whose lease ran out (the row was
 * taken over) cannot overwrite the newer outcome. No transaction is held while a handler runs.
 */
export class AddInboundWebhookClaims1767225600011 implements MigrationInterface {
  readonly name = 'AddInboundWebhookClaims1767225600011';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE inbound_webhooks ADD COLUMN claim_token uuid');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE inbound_webhooks DROP COLUMN claim_token');
  }
}

/** Add these to the service DataSource's `migrations`. */
export const webhookMigrations = [CreateInboundWebhooks1767225600010, AddInboundWebhookClaims1767225600011];
