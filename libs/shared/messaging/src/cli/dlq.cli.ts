/**
 * `npm run dlq -- list|show <seq>|replay <seq> [--service x] [--namespace ns] [--servers url]`
 * (runs through `node -r @swc-node/register`, which resolves `@switchboard/*` from tsconfig.json).
 */
import { runDlqCommand } from './dlq-command';

runDlqCommand(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
