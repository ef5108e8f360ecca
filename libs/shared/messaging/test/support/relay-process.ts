// A CRM service process running only the relay, for the tests that SIGKILL it.
// Usage: node -r @swc-node/register relay-process.ts <schema> <namespace>
//   (SWC_NODE_PROJECT=tsconfig.base.json so @switchboard/* resolve to the libs' sources)
// RELAY_HANG_AFTER_CHECKPOINTS=n: the (n+1)-th checkpoint write never completes, so the relay
// keeps publishing but checkpoints nothing more: a crash between publish and checkpoint.
import { PostgresEventStore } from '@switchboard/event-sourcing';
import { TEST_DATABASE_URL, TEST_NATS_URL } from '@switchboard/testing';
import { Pool } from 'pg';
import { IntegrationEventRelay, JetStreamConnection } from '../../src';
import { quietLogger } from '@switchboard/testing';
import { crmMapper, RELAY_PROCESSOR } from './relay-env';

async function main(schema: string, namespace: string): Promise<void> {
  const eventStore = new PostgresEventStore({ connectionString: TEST_DATABASE_URL, schema, logger: quietLogger });
  const pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 2, options: `-c search_path="${schema}"` });
  const hangAfter = Number(process.env['RELAY_HANG_AFTER_CHECKPOINTS'] ?? Infinity);
  let checkpointWrites = 0;
  const checkpoints = {
    query: (sql: string, params?: unknown[]) => {
      if (sql.includes('INSERT INTO processor_checkpoints') && ++checkpointWrites > hangAfter) {
        process.stdout.write('checkpoint-hung\n');
        return new Promise<never>(() => undefined);
      }
      return pool.query(sql, params);
    },
  };
  const connection = await JetStreamConnection.connect({ servers: TEST_NATS_URL, namespace, logger: quietLogger });
  new IntegrationEventRelay({
    service: 'crm',
    processorId: RELAY_PROCESSOR,
    eventStore,
    checkpoints,
    connection,
    map: crmMapper,
    logger: quietLogger,
    // A killed relay's lease must expire before its restart takes over: keep that short here.
    lease: { ttlMs: 1_000 },
  }).start();
  process.stdout.write('running\n');
}

main(process.argv[2] ?? '', process.argv[3] ?? '').catch((error) => {
  console.error(error);
  process.exit(1);
});
