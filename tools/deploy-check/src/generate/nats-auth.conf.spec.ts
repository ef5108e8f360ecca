import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AckPolicy, connect, type NatsConnection } from 'nats';
import { loadCatalogue } from '../catalogue/service-catalogue';
import { fromRoot } from '../workspace';
import { NATS_ADMIN_PASSWORD_VARIABLE, natsPasswordVariable } from './nats-auth.conf';

// k8s/infra/nats/auth.conf, as generated, loaded by a real nats-server of our own (own port and
// store): each service's user may publish only its own context and its dead letters.
const NATS_SERVER = ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'].find((candidate) => existsSync(candidate));

/** Every NATS user of the catalogue (the config refers to each one's password variable). */
const natsUsers = loadCatalogue()
  .services.filter((service) => service.kind === 'service')
  .map((service) => service.name);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function connectAs(port: number, user: string): Promise<NatsConnection> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await connect({ servers: `nats://127.0.0.1:${port}`, user, pass: `pw-${user}`, reconnect: false });
    } catch (error) {
      if (attempt > 50 || !/CONNECTION_REFUSED|ECONNREFUSED/.test(String((error as { code?: string }).code ?? error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe('the generated NATS users (k8s/infra/nats/auth.conf) on a real nats-server', () => {
  let server: ChildProcess;
  let directory: string;
  let order: NatsConnection;
  let crm: NatsConnection;

  beforeAll(async () => {
    if (!NATS_SERVER) throw new Error('nats-server is not installed (scripts/infra.sh installs it)');
    directory = mkdtempSync(path.join(tmpdir(), 'nats-auth-'));
    const port = await freePort();
    // Side by side, as in the pod (includes are relative to the including file).
    copyFileSync(fromRoot('k8s/infra/nats/auth.conf'), path.join(directory, 'auth.conf'));
    writeFileSync(path.join(directory, 'nats.conf'), `port: ${port}\njetstream { store_dir: "${path.join(directory, 'js')}" }\ninclude ./auth.conf\n`);
    server = spawn(NATS_SERVER, ['-c', path.join(directory, 'nats.conf')], {
      stdio: 'ignore',
      env: {
        [NATS_ADMIN_PASSWORD_VARIABLE]: 'pw-admin',
        ...Object.fromEntries(natsUsers.map((user) => [natsPasswordVariable(user), `pw-${user}`])),
      },
    });
    order = await connectAs(port, 'order');
    crm = await connectAs(port, 'crm');
    // Every service declares the whole stream catalogue at start: the JetStream API allows it.
    const jsm = await order.jetstreamManager();
    for (const [name, subject] of [['ORDER', 'order.>'], ['CRM', 'crm.>'], ['DLQ', 'dlq.>']]) await jsm.streams.add({ name, subjects: [subject] });
  });

  afterAll(async () => {
    await order?.close();
    await crm?.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill();
      await exited; // the store directory is removed only once the server stopped writing it
    }
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  it("lets a service publish its own context's events and its own dead letters", async () => {
    await expect(order.jetstream().publish('order.placed', 'x')).resolves.toEqual(expect.objectContaining({ stream: 'ORDER' }));
    await expect(order.jetstream().publish('dlq.order', 'x')).resolves.toEqual(expect.objectContaining({ stream: 'DLQ' }));
  });

  it("refuses a service publishing another context's events or dead letters", async () => {
    await expect(order.jetstream().publish('crm.customer.won', 'forged', { timeout: 2000 })).rejects.toThrow('Permissions Violation for Publish to "crm.customer.won"');
    await expect(order.jetstream().publish('dlq.crm', 'x', { timeout: 2000 })).rejects.toThrow('Permissions Violation');
  });

  it("refuses a service purging or deleting another context's stream", async () => {
    const jsm = await order.jetstreamManager();
    await expect(jsm.streams.purge('CRM')).rejects.toThrow('Permissions Violation for Publish to "$JS.API.STREAM.PURGE.CRM"');
    await expect(jsm.streams.delete('CRM')).rejects.toThrow('Permissions Violation for Publish to "$JS.API.STREAM.DELETE.CRM"');
  });

  it("lets a service consume another context's events through its durable pull consumer and ack them", async () => {
    await crm.jetstream().publish('crm.customer.won', 'won');
    const jsm = await order.jetstreamManager();
    await jsm.consumers.add('CRM', { durable_name: 'order__crm-customer', ack_policy: AckPolicy.Explicit });
    const consumer = await order.jetstream().consumers.get('CRM', 'order__crm-customer');
    const message = await consumer.next({ expires: 2000 });
    expect(message?.subject).toBe('crm.customer.won');
    await message!.ackAck();
    expect((await jsm.consumers.info('CRM', 'order__crm-customer')).num_ack_pending).toBe(0);
  });
});

describe('the NATS server configuration of each overlay', () => {
  it.each(['k8s/infra/nats/nats.conf', 'k8s/overlays/prod/nats.conf'])('%s parses (nats-server -t) with the generated users', (file) => {
    if (!NATS_SERVER) throw new Error('nats-server is not installed (scripts/infra.sh installs it)');
    const directory = mkdtempSync(path.join(tmpdir(), 'nats-conf-'));
    try {
      copyFileSync(fromRoot('k8s/infra/nats/auth.conf'), path.join(directory, 'auth.conf'));
      copyFileSync(fromRoot(file), path.join(directory, 'nats.conf'));
      const env = { POD_NAME: 'nats-0', [NATS_ADMIN_PASSWORD_VARIABLE]: 'x', ...Object.fromEntries(natsUsers.map((user) => [natsPasswordVariable(user), 'x'])) };
      // Exits non-zero (and throws, with the parse error) on an invalid file; says "is valid" on stderr otherwise.
      const run = () => execFileSync(NATS_SERVER!, ['-t', '-c', path.join(directory, 'nats.conf')], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      expect(run).not.toThrow();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
