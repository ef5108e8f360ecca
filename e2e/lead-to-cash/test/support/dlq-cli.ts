import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const WORKSPACE_ROOT = path.resolve(__dirname, '../../../..');

/**
 * Runs `npm run dlq -- <args>` as an operator does, against the test's NATS namespace; resolves
 * with what it printed, rejects (with its output) when it exits non-zero.
 */
export async function runDlqCli(args: readonly string[], nats: { readonly url: string; readonly namespace: string }): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'dlq', '--', ...args, '--namespace', nats.namespace, '--servers', nats.url], {
      cwd: WORKSPACE_ROOT,
      timeout: 60_000,
    });
    return stdout;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm run dlq -- ${args.join(' ')} failed\n${stdout ?? ''}${stderr ?? ''}`, { cause: error });
  }
}
