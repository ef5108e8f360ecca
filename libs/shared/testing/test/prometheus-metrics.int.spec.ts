import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MetricsScrape, metricSum } from '../src';

const EXPOSITION = [
  '# HELP switchboard_callout_attempts_total Callout attempts.',
  '# TYPE switchboard_callout_attempts_total counter',
  'switchboard_callout_attempts_total{service="erp-adapter",target="erp",result="429"} 2',
  'switchboard_callout_attempts_total{service="erp-adapter",target="erp",result="5xx"} 3',
  'switchboard_callout_attempts_total{service="erp-adapter",target="clm",result="429"} 5',
  'switchboard_nodejs_gc_duration_seconds_sum{service="erp-adapter",kind="minor"} 0.25',
  'switchboard_nodejs_eventloop_lag_p99_seconds{service="erp-adapter"} 0.012',
  'switchboard_quoted_total{path="say \\"hi\\", then go"} 1',
  '',
].join('\n');

describe('Prometheus metrics of a process', () => {
  let server: Server;
  let base: string;
  let scrapes = 0;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      scrapes++;
      res.setHeader('content-type', 'text/plain; version=0.0.4');
      res.end(EXPOSITION);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sums the samples of a name whose labels match, and all of them without a filter', async () => {
    expect(await metricSum(base, 'switchboard_callout_attempts_total', (labels) => labels['target'] === 'erp')).toBe(5);
    const scrape = await MetricsScrape.of(base);
    expect(scrape.sum('switchboard_callout_attempts_total')).toBe(10);
    expect(scrape.sum('switchboard_nodejs_gc_duration_seconds_sum', (labels) => labels['kind'] === 'minor')).toBe(0.25);
    expect(scrape.sum('switchboard_nodejs_eventloop_lag_p99_seconds')).toBe(0.012);
    expect(scrape.sum('switchboard_quoted_total', (labels) => labels['path'] === 'say \\"hi\\", then go')).toBe(1);
    expect(scrape.sum('switchboard_absent_total')).toBe(0);
  });

  it('reads several figures from one scrape', async () => {
    const before = scrapes;
    const scrape = await MetricsScrape.of(base);
    scrape.sum('switchboard_callout_attempts_total');
    scrape.sum('switchboard_nodejs_eventloop_lag_p99_seconds');
    expect(scrapes - before).toBe(1);
  });
});
