/**
 * `npm run dlq -- list|show <seq>|replay <seq> [--service x] [--namespace ns] [--servers url]`
 *
 * npm runs this through `node -r @swc-node/register`, which resolves the `@switchboard/*` path
 * aliases only from the tsconfig named by SWC_NODE_PROJECT (the workspace has no root
 * tsconfig.json). Without it, re-run this same command once with it set.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

if (process.env['SWC_NODE_PROJECT']) {
  // Required, not imported: the aliases resolve only in the re-run process.
  const { runDlqCommand } = require('./dlq-command') as typeof import('./dlq-command');
  runDlqCommand(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
} else {
  const result = spawnSync(process.execPath, [...process.execArgv, __filename, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, SWC_NODE_PROJECT: join(__dirname, '../../../../../tsconfig.base.json') },
  });
  process.exitCode = result.status ?? 1;
}
