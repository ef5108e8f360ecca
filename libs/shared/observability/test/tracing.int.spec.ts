import { waitFor } from '@switchboard/testing';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServiceProcess } from './fixtures/service-process';

// A stand-in OTLP/HTTP collector: records what the service exports to /v1/traces.
describe('tracing', () => {
  let collector: Server;
  let endpoint: string;
  const exports: { path: string; body: string }[] = [];
  let service: ServiceProcess | undefined;

  beforeAll(async () => {
    collector = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        exports.push({ path: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    service?.kill('SIGKILL');
    await new Promise((resolve) => collector.close(resolve));
  });

  it('exports server spans that continue the caller’s traceparent when OTEL_EXPORTER_OTLP_ENDPOINT is set', async () => {
    service = new ServiceProcess({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint });
    const base = await service.baseUrl();
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';

    await fetch(`${base}/api/v1/orders/boom`, { headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` } });
    service.kill('SIGTERM'); // shutdown flushes the pending spans

    expect(await service.exited).toEqual({ code: 0, signal: null });
    const traces = await waitFor(() => exports.find((e) => e.path === '/v1/traces'), { what: 'a trace export' });
    expect(traces.body).toContain(traceId);
    expect(traces.body).toContain('"sample"');
    expect(service.logs).toContainEqual(expect.objectContaining({ context: 'Bootstrap', msg: expect.stringMatching(/listening on :\d+, tracing on$/) }));
  });

  it('stays off, exporting nothing, without OTEL_EXPORTER_OTLP_ENDPOINT', async () => {
    exports.length = 0;
    service = new ServiceProcess({});
    const base = await service.baseUrl();

    await fetch(`${base}/health/live`);
    service.kill('SIGTERM');

    expect(await service.exited).toEqual({ code: 0, signal: null });
    expect(exports).toEqual([]);
    expect(service.logs).toContainEqual(expect.objectContaining({ context: 'Bootstrap', msg: expect.stringMatching(/listening on :\d+$/) }));
  });
});
