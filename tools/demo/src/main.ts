/**
 * `npm run demo`: drives the lead-to-cash flow through the running system's public APIs (the
 * ports of `npm start`, or CRM_URL, ORDER_URL, ERP_ADAPTER_URL, CONTRACT_ADAPTER_URL,
 * ERP_SIMULATOR_URL, CLM_SIMULATOR_URL) and prints each step with its latency. Exit code 1 on failure.
 */
import { DemoFailure } from './demo-failure';
import { demoOriginsFrom } from './demo-origins';
import { runLeadToCashDemo } from './lead-to-cash.scenario';
import { formatEntry, formatHeader, formatSummary } from './timeline-printer';

async function main(): Promise<void> {
  const origins = demoOriginsFrom(process.env);
  formatHeader(origins).forEach((line) => console.log(line));
  const result = await runLeadToCashDemo(origins, { report: (entry) => console.log(formatEntry(entry)) });
  formatSummary(result).forEach((line) => console.log(line));
}

main().then(
  () => (process.exitCode = 0),
  (error: unknown) => {
    // A DemoFailure is the whole explanation; anything else is a bug in the demo, so keep its stack.
    console.error(error instanceof DemoFailure ? `\ndemo failed: ${error.message}` : error);
    process.exitCode = 1;
  },
);
