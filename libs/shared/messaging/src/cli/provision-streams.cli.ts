/**
 * `npm run provision-streams -- [--servers nats://127.0.0.1:4222] [--namespace ns]`
 *
 * Declares the JetStream stream catalogue (CRM, ORDER, ERP, CONTRACT, DLQ) and prints what it did.
 * Services do the same at start; this is for `npm start` and the Kubernetes migration Job, so
 * streams exist before any service rolls out. Limits come from the environment:
 * STREAM_MAX_AGE_MS, STREAM_DUPLICATE_WINDOW_MS, STREAM_REPLICAS.
 */
import { JetStreamConnection } from '../lib/connection/jetstream-connection';
import { provisionStreams, type StreamSettings } from '../lib/provisioning/stream-provisioning';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function numberFromEnv(variable: string): number | undefined {
  const raw = process.env[variable];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new Error(`${variable} must be a whole number, got "${raw}"`);
  return value;
}

async function main(): Promise<void> {
  const servers = option('servers') ?? process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';
  const namespace = option('namespace') ?? process.env['NATS_NAMESPACE'];
  const defaults: Partial<StreamSettings> = Object.fromEntries(
    Object.entries({
      maxAgeMs: numberFromEnv('STREAM_MAX_AGE_MS'),
      duplicateWindowMs: numberFromEnv('STREAM_DUPLICATE_WINDOW_MS'),
      replicas: numberFromEnv('STREAM_REPLICAS'),
    }).filter(([, value]) => value !== undefined),
  );
  const connection = await JetStreamConnection.connect({ servers, name: 'provision-streams', namespace });
  try {
    for (const result of await provisionStreams(connection, { defaults })) {
      console.log(`stream ${result.name}: ${result.action}${result.changed.length ? ` (${result.changed.join(', ')})` : ''}`);
    }
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(`provisioning streams failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
