import { parseArgs } from 'node:util';
import { JetStreamConnection } from '../lib/connection/jetstream-connection';
import { listDeadLetters, replayDeadLetter, showDeadLetter, type DeadLetter } from '../lib/dead-letters/dead-letter-queue';
import type { MessagingLogger } from '../lib/messaging-logger';

const USAGE = `usage: npm run dlq -- <command> [options]

commands:
  list                 dead letters, oldest first
  show <seq>           one dead letter: why it failed, its headers and payload
  replay <seq>         republish the original to its subject, then delete the dead letter

options:
  --service <name>     only this consuming service's dead letters (list)
  --limit <n>          at most n dead letters (list, default 50)
  --from <seq>         start at this DLQ sequence (list)
  --namespace <ns>     messaging namespace (tests); none in production
  --servers <url>      NATS URL (default: $NATS_URL or nats://127.0.0.1:4222)`;

/** Runs one DLQ command; resolves with the process exit code. */
export async function runDlqCommand(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      service: { type: 'string' },
      limit: { type: 'string' },
      from: { type: 'string' },
      namespace: { type: 'string' },
      servers: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, seqArg] = positionals;
  if (values.help || !command || !['list', 'show', 'replay'].includes(command) || (command !== 'list' && !seqArg)) {
    out(USAGE);
    return values.help ? 0 : 2;
  }
  const logger: MessagingLogger = { log: out, warn: out, error: out };
  const connection = await JetStreamConnection.connect({
    servers: values.servers ?? process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222',
    name: 'dlq-cli',
    namespace: values.namespace,
    logger: { ...logger, log: () => undefined },
    natsOptions: { maxReconnectAttempts: 0, waitOnFirstConnect: false },
  });
  try {
    switch (command) {
      case 'list': {
        const letters = await listDeadLetters(connection, {
          service: values.service,
          limit: values.limit ? positiveInt(values.limit, '--limit') : undefined,
          fromSeq: values.from ? positiveInt(values.from, '--from') : undefined,
        });
        if (letters.length === 0) out('no dead letters');
        for (const letter of letters) out(summary(letter));
        return 0;
      }
      case 'show':
        out(details(await showDeadLetter(connection, positiveInt(seqArg, 'seq'))));
        return 0;
      default: {
        const { deadLetter, ack } = await replayDeadLetter(connection, positiveInt(seqArg, 'seq'));
        out(
          `replayed #${deadLetter.seq} to ${deadLetter.originalSubject} as ${ack.stream}#${ack.seq}${ack.duplicate ? ' (duplicate: replayed before)' : ''}; dead letter deleted`,
        );
        return 0;
      }
    }
  } finally {
    await connection.close();
  }
}

function summary(letter: DeadLetter): string {
  return [
    `#${letter.seq}`,
    letter.deadLetteredAt,
    letter.consumer,
    letter.reason,
    `deliveries=${letter.deliveryCount}`,
    letter.originalSubject,
    letter.eventId ?? '-',
    letter.error,
  ].join('  ');
}

function details(letter: DeadLetter): string {
  const body = new TextDecoder().decode(letter.data);
  let pretty = body;
  try {
    pretty = JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    // not JSON (a poison message): print as is
  }
  const { data: _data, headers, ...fields } = letter;
  return [
    ...Object.entries(fields).map(([key, value]) => `${key}: ${String(value)}`),
    'headers:',
    ...Object.entries(headers).map(([key, values]) => `  ${key}: ${values.join(', ')}`),
    'payload:',
    pretty,
  ].join('\n');
}

function positiveInt(value: string, what: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${what} must be a positive integer, got "${value}"`);
  return n;
}
