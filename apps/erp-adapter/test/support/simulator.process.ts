import { createTestSchema, TEST_DATABASE_URL, type TestSchema } from '@switchboard/testing';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

const WORKSPACE_ROOT = path.resolve(__dirname, '../../../..');

export type SimulatorName = 'erp-simulator' | 'clm-simulator';

/**
 * A real simulator (apps/erp-simulator, apps/clm-simulator) run as its own process, since apps
 * never import apps: `migrate.ts` then `main.ts` through @swc-node/register, on a throwaway schema
 * and a free port. Logs at `error` unless SIMULATOR_TEST_LOG_LEVEL says otherwise.
 */
export class SimulatorProcess {
  readonly api: string;
  private readonly output: string[] = [];

  private constructor(
    private readonly child: ChildProcess,
    private readonly schema: TestSchema,
    readonly service: SimulatorName,
    port: number,
  ) {
    this.api = `http://127.0.0.1:${port}/api/v1`;
    for (const stream of [child.stdout, child.stderr]) {
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => this.output.push(chunk));
    }
  }

  static async start(service: SimulatorName): Promise<SimulatorProcess> {
    const schema = await createTestSchema(service);
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      SWC_NODE_PROJECT: 'tsconfig.base.json',
      SERVICE_NAME: service,
      DATABASE_URL: TEST_DATABASE_URL,
      DB_SCHEMA: schema.schema,
      PORT: String(port),
      LOG_LEVEL: process.env['SIMULATOR_TEST_LOG_LEVEL'] ?? 'error',
      WEBHOOK_RETRY_BASE_MS: '200',
      WEBHOOK_RETRY_MAX_MS: '2000',
      WEBHOOK_POLL_MS: '100',
    };
    // Not inherited from the adapter's test environment: the simulator needs none of them.
    for (const name of ['NATS_URL', 'NATS_NAMESPACE', 'EVENT_STORE_URL', 'WEBHOOK_URLS', 'WEBHOOK_SECRET']) delete env[name];
    await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', `apps/${service}/src/migrate.ts`], { cwd: WORKSPACE_ROOT, env });
    const child = spawn(process.execPath, ['-r', '@swc-node/register', `apps/${service}/src/main.ts`], { cwd: WORKSPACE_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const simulator = new SimulatorProcess(child, schema, service, port);
    await simulator.waitUntilReady();
    return simulator;
  }

  /** Subscribes a webhook receiver, as an operator would. */
  async subscribe(url: string, secret: string): Promise<void> {
    const res = await fetch(`${this.api}/webhook-subscriptions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url, secret }) });
    if (res.status !== 201) throw new Error(`subscribing ${url} failed: ${res.status} ${await res.text()}`);
  }

  async setFaults(faults: Record<string, unknown>): Promise<void> {
    const res = await fetch(`${this.api}/admin/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });
    if (res.status !== 200) throw new Error(`setting faults failed: ${res.status} ${await res.text()}`);
  }

  async clearFaults(): Promise<void> {
    await fetch(`${this.api}/admin/faults`, { method: 'DELETE' });
  }

  /** POSTs JSON and expects `status`; answers the parsed body. */
  async post<T = unknown>(pathAndQuery: string, body: unknown, status = 201): Promise<T> {
    const res = await fetch(`${this.api}${pathAndQuery}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status !== status) throw new Error(`POST ${pathAndQuery} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  }

  async get<T = unknown>(pathAndQuery: string): Promise<T> {
    const res = await fetch(`${this.api}${pathAndQuery}`);
    if (!res.ok) throw new Error(`GET ${pathAndQuery} failed: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = once(this.child, 'exit');
      this.child.kill('SIGTERM');
      await exited;
    }
    await this.schema.drop();
  }

  private async waitUntilReady(): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`${this.service} exited during start-up:\n${this.output.join('')}`);
      try {
        const res = await fetch(this.api.replace('/api/v1', '/health/ready'), { signal: AbortSignal.timeout(2_000) });
        await res.arrayBuffer();
        if (res.ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${this.service} was not ready within 30 s:\n${this.output.join('')}`);
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}
