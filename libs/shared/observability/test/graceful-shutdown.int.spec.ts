import { waitFor } from '@switchboard/testing';
import { ServiceProcess } from './fixtures/service-process';

describe('a service started with bootstrapService, as a process', () => {
  let service: ServiceProcess | undefined;
  afterEach(() => service?.kill('SIGKILL'));

  it('on SIGTERM reports not ready, finishes in-flight requests and hooks, logs each phase and exits 0', async () => {
    service = new ServiceProcess({ SHUTDOWN_DRAIN_MS: '400', LOG_LEVEL: 'info' });
    const base = await service.baseUrl();

    // Takes 600 ms: still running when the 400 ms drain ends and the listener closes.
    const inFlight = fetch(`${base}/api/v1/orders/slow`);
    await fetch(`${base}/health/live`);
    service.kill('SIGTERM');
    const readiness = await waitFor(async () => {
      const res = await fetch(`${base}/health/ready`);
      return res.status === 503 ? ((await res.json()) as { error: unknown }) : undefined;
    }, { what: 'readiness to turn 503' });

    expect(readiness.error).toEqual({ lifecycle: { status: 'down', message: 'shutting down' } });
    expect((await inFlight).status).toBe(200);
    expect(await service.exited).toEqual({ code: 0, signal: null });
    expect(service.messages('Shutdown')).toEqual([
      'received SIGTERM: shutting down, readiness now reports 503',
      'draining for 400 ms before closing the HTTP listener',
      'closing the HTTP listener: no new connections, waiting for in-flight requests',
      'HTTP listener closed; stopping consumers and running shutdown hooks',
      'shutdown complete; exiting with code 0',
    ]);
    expect(service.messages('FakeConsumer')).toEqual(['stopping consumer (SIGTERM)', 'consumer stopped, in-flight work done']);
  });

  it('exits 1 with a log line when shutdown outlasts SHUTDOWN_TIMEOUT_MS', async () => {
    service = new ServiceProcess({ SHUTDOWN_TIMEOUT_MS: '500', FIXTURE_HANG_ON_SHUTDOWN: '1' });
    await service.baseUrl();

    service.kill('SIGTERM');

    expect(await service.exited).toEqual({ code: 1, signal: null });
    expect(service.logs).toContainEqual(
      expect.objectContaining({ level: 'error', context: 'Shutdown', msg: 'shutdown did not finish within 500 ms; exiting with code 1' }),
    );
  });

  it('writes JSON logs with the service name and correlation id, with credentials redacted', async () => {
    service = new ServiceProcess({});
    const base = await service.baseUrl();

    await fetch(`${base}/api/v1/orders/boom`, {
      headers: { 'x-correlation-id': 'corr-log-1', authorization: 'Bearer top-secret', 'webhook-signature': 'v1,c2lnbmF0dXJl' },
    });
    const logged = await waitFor(
      () => {
        const lines = service!.logs.filter((l) => l.correlationId === 'corr-log-1');
        return lines.length >= 2 && lines;
      },
      { what: 'the error and request log lines' },
    );

    expect(logged).toContainEqual(expect.objectContaining({ level: 'error', service: 'sample', context: 'ProblemDetails', msg: 'GET /api/v1/orders/boom failed' }));
    const request = logged.find((l) => l.req)!;
    expect(request.req!.headers).toMatchObject({ authorization: '[redacted]', 'webhook-signature': '[redacted]' });
    expect(JSON.stringify(service.logs)).not.toContain('top-secret');
  });
});
