import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

const WORKSPACE_ROOT = path.resolve(__dirname, '../../../..');
/** Enough of a service's log to explain a failed start or shutdown. */
const KEPT_OUTPUT_LINES = 200;

export interface ServiceProcessOptions {
  /** The app under `apps/`, e.g. `crm`, `order` or `erp-simulator`. */
  readonly service: string;
  /** The service's environment: DATABASE_URL, NATS_URL, DB_SCHEMA, NATS_NAMESPACE, …; a free PORT is chosen when absent. */
  readonly env: Readonly<Record<string, string>>;
  /**
   * Whether the service also sees this process's environment beneath `env` (default true). False
   * gives it `env` and PATH/HOME only, when this process's variables (a service under test in it)
   * must not leak into the child.
   */
  readonly inheritEnv?: boolean;
  /** How long to wait for /health/ready after a (re)start. Default 30 s. */
  readonly readyTimeoutMs?: number;
}

/** How a service process ended: its exit code, or the signal that ended it. */
export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

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

/**
 * A Switchboard service run as the deployment runs it: its own `node` process started from
 * `apps/<service>/src/migrate.ts` and then `main.ts` (through @swc-node/register, as the
 * `migrate` and `serve` targets do), configured only by its environment, ready when
 * `/health/ready` answers 200. The files are spawned by path, never imported: tests see HTTP and
 * JetStream only, and libraries stay free of apps.
 */
export class ServiceProcess {
  /** `http://127.0.0.1:<port>` */
  readonly base: string;
  /** `http://127.0.0.1:<port>/api/v1` */
  readonly api: string;
  private child: ChildProcess | undefined;
  private exited: Promise<ProcessExit> | undefined;
  private readonly output: string[] = [];

  private constructor(
    readonly service: string,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
    private readonly readyTimeoutMs: number,
  ) {
    this.base = `http://127.0.0.1:${port}`;
    this.api = `${this.base}/api/v1`;
  }

  /** Runs the service's migrations, starts it and waits until it is ready. */
  static async start(options: ServiceProcessOptions): Promise<ServiceProcess> {
    const port = options.env['PORT'] ? Number(options.env['PORT']) : await freePort();
    const inherited: NodeJS.ProcessEnv = options.inheritEnv === false ? { PATH: process.env['PATH'], HOME: process.env['HOME'] } : process.env;
    const env: NodeJS.ProcessEnv = {
      ...inherited,
      SWC_NODE_PROJECT: 'tsconfig.base.json',
      LOG_LEVEL: 'warn',
      ...options.env,
      PORT: String(port),
    };
    const service = new ServiceProcess(options.service, port, env, options.readyTimeoutMs ?? 30_000);
    await service.migrate();
    await service.launch();
    return service;
  }

  /** The running process's id (benchmarks read its CPU time from /proc). */
  get pid(): number | undefined {
    return this.running ? this.child?.pid : undefined;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last lines the process wrote (stdout and stderr), for failure messages. */
  recentOutput(): string {
    return this.output.join('\n');
  }

  /** SIGTERM, as Kubernetes stops a pod; resolves with how the process ended. */
  stop(): Promise<ProcessExit> {
    return this.signal('SIGTERM');
  }

  /** SIGKILL: a crash, with no shutdown hooks run. */
  kill(): Promise<ProcessExit> {
    return this.signal('SIGKILL');
  }

  /** Starts the service again on the same port and schema (after a stop or a kill) and waits until it is ready. */
  async restart(): Promise<void> {
    if (this.running) throw new Error(`${this.service} is still running`);
    await this.launch();
  }

  private async migrate(): Promise<void> {
    try {
      await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', this.entry('migrate.ts')], { cwd: WORKSPACE_ROOT, env: this.env });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`${this.service}: migrate.ts failed\n${stdout ?? ''}${stderr ?? ''}`, { cause: error });
    }
  }

  private async launch(): Promise<void> {
    const child = spawn(process.execPath, [...nodeArgs(), ...profiling(), '-r', '@swc-node/register', this.entry('main.ts')], {
      cwd: WORKSPACE_ROOT,
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    for (const stream of [child.stdout, child.stderr]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => this.keep(chunk));
    }
    try {
      await this.waitUntilReady(this.exited);
    } catch (error) {
      // A process that never became ready is not left behind for the caller to find.
      await this.kill();
      throw error;
    }
  }

  private async waitUntilReady(exited: Promise<ProcessExit>): Promise<void> {
    const deadline = Date.now() + this.readyTimeoutMs;
    let early: ProcessExit | undefined;
    void exited.then((exit) => (early = exit));
    while (Date.now() < deadline) {
      if (early) throw new Error(`${this.service} exited during start-up (${describeExit(early)}):\n${this.recentOutput()}`);
      try {
        const res = await fetch(`${this.base}/health/ready`, { signal: AbortSignal.timeout(2_000) });
        await res.arrayBuffer();
        if (res.ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${this.service} was not ready within ${this.readyTimeoutMs} ms:\n${this.recentOutput()}`);
  }

  private async signal(signal: NodeJS.Signals): Promise<ProcessExit> {
    const { child, exited } = this;
    if (!child || !exited) throw new Error(`${this.service} was never started`);
    if (this.running) child.kill(signal);
    return exited;
  }

  private entry(file: string): string {
    return `apps/${this.service}/src/${file}`;
  }

  private keep(chunk: string): void {
    this.output.push(...chunk.split('\n').filter((line) => line.length > 0));
    if (this.output.length > KEPT_OUTPUT_LINES) this.output.splice(0, this.output.length - KEPT_OUTPUT_LINES);
  }
}

function describeExit(exit: ProcessExit): string {
  return exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
}

/** SERVICE_NODE_ARGS (experiments): node and V8 flags for every service process, space-separated. */
function nodeArgs(): string[] {
  return (process.env['SERVICE_NODE_ARGS'] ?? '').split(' ').filter((arg) => arg.length > 0);
}

/**
 * SERVICE_CPU_PROF_DIR=<dir> (benchmarks): each service process writes a V8 CPU profile there when
 * it exits (`node --cpu-prof`, which NODE_OPTIONS may not carry); open it in Chrome DevTools.
 */
function profiling(): string[] {
  const dir = process.env['SERVICE_CPU_PROF_DIR'];
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}
