import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event store's tables, unqualified so they land in the schema of the DataSource running
 * them (its search_path). `transaction_id` is what makes the global order trustworthy: readers
 * see only rows of transactions below the oldest one still running
 * (`pg_snapshot_xmin(pg_current_snapshot())`), ordered by (transaction_id, global_position), so
 * a transaction that commits late with a lower global_position is never skipped.
 * There is no streams table: the unique (stream_name, stream_revision) key is the optimistic
 * concurrency check (see PostgresEventStore), so an append is a plain insert.
 */
export class CreateEventStore1735689600000 implements MigrationInterface {
  name = 'CreateEventStore1735689600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE events (
        global_position bigserial PRIMARY KEY,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        stream_name text NOT NULL,
        stream_revision bigint NOT NULL,
        event_id uuid NOT NULL,
        type text NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL DEFAULT '{}',
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_stream_revision_key UNIQUE (stream_name, stream_revision),
        CONSTRAINT events_event_id_key UNIQUE (event_id)
      )`);
    await queryRunner.query(`CREATE INDEX events_global_order_idx ON events (transaction_id, global_position)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE events`);
  }
}
