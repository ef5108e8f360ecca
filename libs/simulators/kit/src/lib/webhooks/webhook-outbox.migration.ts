import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The simulators' webhook subscriptions and delivery outbox. Unqualified: they land in the service schema. */
export class CreateWebhookOutbox1769000000000 implements MigrationInterface {
  readonly name = 'CreateWebhookOutbox1769000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE webhook_subscriptions (
        id uuid PRIMARY KEY,
        url text NOT NULL,
        secret text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE webhook_deliveries (
        id bigserial PRIMARY KEY,
        webhook_id text NOT NULL,
        event_type text NOT NULL,
        body text NOT NULL,
        url text NOT NULL,
        subscription_id uuid REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_status integer,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        UNIQUE (webhook_id, url)
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at, id) WHERE status = 'pending'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE webhook_deliveries');
    await queryRunner.query('DROP TABLE webhook_subscriptions');
  }
}

/** A subscription may ask for some webhook types only (null: every type). */
export class AddWebhookSubscriptionEventTypes1769000000001 implements MigrationInterface {
  readonly name = 'AddWebhookSubscriptionEventTypes1769000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE webhook_subscriptions ADD COLUMN event_types text[]');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE webhook_subscriptions DROP COLUMN event_types');
  }
}
