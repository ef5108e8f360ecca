import { createTestSchema, TEST_DATABASE_URL, type TestSchema } from '@switchboard/testing';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

const WORKSPACE_ROOT = path.resolve(__dirname, '../../../..');
const KEPT_OUTPUT_LINES = 100;

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

export interface ClmSimulatorOptions {
  readonly port: number;
  /** Where its contract webhooks go (the adapter's `/webhooks/clm`). */
  readonly webhookUrl: string;
  readonly webhookSecret: string;
}

/**
 * The real CLM simulator (apps/clm-simulator) run as its own process, as the deployment runs it:
 * `migrate.ts`, then `main.ts`, on a throwaway schema, ready when `/health/ready` answers. Apps
 * never import apps: the test sees its HTTP API and its webhooks only.
 */
export class ClmSimulatorProcess {
  readonly base: string;
  readonly api: string;
  private readonly output: string[] = [];

  private constructor(
    private readonly child: ChildProcess,
    private readonly schema: TestSchema,
    port: number,
  ) {
    this.base = `http://127.0.0.1:${port}`;
    this.api = `${this.base}/api/v1`;
    for (const stream of [child.stdout, child.stderr]) {
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => this.keep(chunk));
    }
  }

  static async start(options: ClmSimulatorOptions): Promise<ClmSimulatorProcess> {
    const schema = await createTestSchema('clm_simulator');
    // Its own environment, not this process's: the adapter under test set NATS and schema variables there.
    const env: NodeJS.ProcessEnv = {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      SWC_NODE_PROJECT: 'tsconfig.base.json',
      SERVICE_NAME: 'clm-simulator',
      LOG_LEVEL: process.env['CLM_SIMULATOR_TEST_LOG_LEVEL'] ?? 'warn',
      DATABASE_URL: TEST_DATABASE_URL,
      DB_SCHEMA: schema.schema,
      PORT: String(options.port),
      WEBHOOK_URLS: options.webhookUrl,
      WEBHOOK_SECRET: options.webhookSecret,
      WEBHOOK_RETRY_BASE_MS: '100',
      WEBHOOK_RETRY_MAX_MS: '1000',
    };
    const entry = (file: string) => `apps/clm-simulator/src/${file}`;
    try {
      await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', entry('migrate.ts')], { cwd: WORKSPACE_ROOT, env });
    } catch (error) {
      await schema.drop();
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`clm-simulator: migrate.ts failed\n${stdout ?? ''}${stderr ?? ''}`, { cause: error });
    }
    const child = spawn(process.execPath, ['-r', '@swc-node/register', entry('main.ts')], { cwd: WORKSPACE_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const simulator = new ClmSimulatorProcess(child, schema, options.port);
    try {
      await simulator.waitUntilReady();
    } catch (error) {
      await simulator.stop();
      throw error;
    }
    return simulator;
  }

  /** SIGTERM, waits for the exit, drops the schema. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = once(this.child, 'exit');
      this.child.kill('SIGTERM');
      await exited;
    }
    await this.schema.drop();
  }

  private async waitUntilReady(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`clm-simulator exited during start-up:\n${this.output.join('\n')}`);
      try {
        const res = await fetch(`${this.base}/health/ready`, { signal: AbortSignal.timeout(2_000) });
        await res.arrayBuffer();
        if (res.ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`clm-simulator was not ready within ${timeoutMs} ms:\n${this.output.join('\n')}`);
  }

  private keep(chunk: string): void {
    this.output.push(...chunk.split('\n').filter((line) => line.length > 0));
    if (this.output.length > KEPT_OUTPUT_LINES) this.output.splice(0, this.output.length - KEPT_OUTPUT_LINES);
  }
}
