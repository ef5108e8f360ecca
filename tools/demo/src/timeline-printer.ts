import { DEMO_SERVICE_NAMES, type DemoOrigins } from './demo-origins';
import type { DemoResult } from './lead-to-cash.scenario';
import type { TimelineEntry } from './timeline';

const STEP_WIDTH = 26;
const VISIBLE_WIDTH = 46;

const ms = (value: number) => `${value} ms`.padStart(9);

/** What the demo runs against, and the column titles. */
export function formatHeader(origins: DemoOrigins): string[] {
  const against = DEMO_SERVICE_NAMES.map((name) => `${name} ${origins[name]}`);
  return [
    'Lead to cash through the public APIs of',
    `  ${against.slice(0, 3).join(', ')},`,
    `  ${against.slice(3).join(', ')}`,
    '',
    `${'elapsed'.padStart(9)} ${'latency'.padStart(9)}  ${'step'.padEnd(STEP_WIDTH)} ${'visible'.padEnd(VISIBLE_WIDTH)} ids`,
  ];
}

/** One line: when it was seen, how long after its action, the step, what became visible, the ids it revealed. */
export function formatEntry(entry: TimelineEntry): string {
  const ids = Object.entries(entry.ids)
    .map(([name, id]) => `${name} ${id}`)
    .join(', ');
  return `${ms(entry.elapsedMs)} ${ms(entry.latencyMs)}  ${entry.step.padEnd(STEP_WIDTH)} ${entry.visible.padEnd(VISIBLE_WIDTH)} ${ids}`.trimEnd();
}

export function formatSummary({ ids, totalMs }: DemoResult): string[] {
  return [
    '',
    `Done in ${totalMs} ms.`,
    `  customer ${ids.customerId}: ERP ${ids.erpCustomerNumber}, CLM ${ids.clmCustomerId}`,
    `  contract ${ids.contractId}: signed copy sha256 ${ids.sha256}`,
    `  order ${ids.orderId}: ERP ${ids.erpOrderNumber}, invoiced`,
  ];
}
