import type { IntegrationEvent } from '@switchboard/contracts';
import { metricsRegistry } from '@switchboard/observability';
import { skipsEchoTo } from './echo-guard';

const event = (origin?: 'crm' | 'erp'): IntegrationEvent => ({
  id: 'evt-1',
  source: '/crm',
  type: 'switchboard.crm.customer.won.v1',
  subject: 'c-1',
  time: '2026-01-02T03:04:05.000Z',
  datacontenttype: 'application/json',
  correlationid: 'evt-1',
  ...(origin ? { origin } : {}),
  data: {},
});

async function skipped(system: string): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric('switchboard_echoes_skipped_total')?.get();
  return metric?.values.find((value) => value.labels['system'] === system)?.value ?? 0;
}

describe('skipsEchoTo', () => {
  const lines: string[] = [];
  const logger = { log: (line: string) => lines.push(line), warn: () => undefined, error: () => undefined };

  beforeEach(() => lines.splice(0));

  it('skips, logs and counts a change written back into the system it started in', async () => {
    const before = await skipped('erp');

    expect(skipsEchoTo('erp', event('erp'), logger)).toBe(true);

    expect(lines).toEqual([expect.stringContaining('not writing switchboard.crm.customer.won.v1 evt-1 (subject c-1) into erp')]);
    expect(await skipped('erp')).toBe(before + 1);
  });

  it("lets a change from another system through, and judges one without an origin by its producer's system", () => {
    expect(skipsEchoTo('erp', event('crm'), logger)).toBe(false);
    expect(skipsEchoTo('erp', event(), logger)).toBe(false);
    expect(skipsEchoTo('crm', event(), logger)).toBe(true);
    expect(lines).toHaveLength(1);
  });
});
