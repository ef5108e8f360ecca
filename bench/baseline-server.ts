// The bare-Nest baselines run in their own process, as the measured service does, so the load
// generator never shares an event loop with the server it measures. A bench script serves its
// baseline when started with `--serve-baseline <port> [args…]` and spawns itself that way.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { freePort } from '@switchboard/testing';
import path from 'node:path';

const FLAG = '--serve-baseline';

/** In the baseline child: its port and extra arguments; undefined in the bench process itself. */
export function baselineServerArgs(): { port: number; args: string[] } | undefined {
  const at = process.argv.indexOf(FLAG);
  return at === -1 ? undefined : { port: Number(process.argv[at + 1]), args: process.argv.slice(at + 2) };
}

export interface BaselineServer {
  /** `http://127.0.0.1:<port>` */
  readonly base: string;
  stop(): Promise<void>;
}

/** Starts `script` (this bench file) as the baseline server and waits until `readyPath` answers. */
export async function startBaselineServer(script: string, readyPath: string, args: string[] = []): Promise<BaselineServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', script, FLAG, String(port), ...args], {
    cwd: path.resolve(__dirname, '..'),
    env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`baseline server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${base}${readyPath}`);
      await res.arrayBuffer();
      break;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`baseline server not up within 30 s: ${String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    base,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    },
  };
}
