import { getJson, postJson } from '@switchboard/testing';
import type { SimulatorForTest } from '../src/testing';
import { startProbeSimulator } from './support/probe-simulator';

const put = (url: string, body: unknown) => fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('fault injection', () => {
  let sim: SimulatorForTest;

  beforeAll(async () => {
    sim = await startProbeSimulator();
  });
  afterAll(() => sim.close());
  afterEach(() => fetch(`${sim.api}/admin/faults`, { method: 'DELETE' }));

  it('answers normally while no fault is set', async () => {
    expect((await getJson(`${sim.api}/admin/faults`)).body).toEqual({});
    expect(await getJson(`${sim.api}/probe`)).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('delays every non-admin request by the injected latency', async () => {
    expect((await put(`${sim.api}/admin/faults`, { latencyMs: 300 })).status).toBe(200);

    const started = Date.now();
    const response = await getJson(`${sim.api}/probe`);

    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('lists the requests the latency holds while they wait, and drops them once they go on', async () => {
    expect((await put(`${sim.api}/admin/faults`, { latencyMs: 500 })).status).toBe(200);
    expect((await getJson(`${sim.api}/admin/held-requests`)).body).toEqual([]);

    const answered = getJson(`${sim.api}/probe`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await getJson(`${sim.api}/admin/held-requests`)).body).toEqual([{ method: 'GET', path: '/api/v1/probe', heldSince: expect.any(String) }]);

    expect((await answered).status).toBe(200);
    expect((await getJson(`${sim.api}/admin/held-requests`)).body).toEqual([]);
  });

  it('fails the error-rate share of requests with a 500 problem', async () => {
    await put(`${sim.api}/admin/faults`, { errorRate: 1 });

    const response = await getJson(`${sim.api}/probe`);

    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 500, detail: expect.stringContaining('injected') });
  });

  it('rate-limits with a 429 and the configured Retry-After, and applies nothing', async () => {
    await put(`${sim.api}/admin/faults`, { rateLimitRate: 1, retryAfterSeconds: 3 });

    const response = await postJson(`${sim.api}/probe/events`, { type: 'probe.happened', data: {} });

    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
    await fetch(`${sim.api}/admin/faults`, { method: 'DELETE' });
    expect((await getJson(`${sim.api}/admin/webhook-deliveries`)).body).toEqual([]);
  });

  it('is down with 503 and a Retry-After until downUntil, then answers again', async () => {
    const downUntil = new Date(Date.now() + 1_500);
    const set = await put(`${sim.api}/admin/faults`, { downUntil: downUntil.toISOString() });
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ downUntil: downUntil.toISOString() });

    const during = await getJson(`${sim.api}/probe`);
    expect(during.status).toBe(503);
    expect(Number(during.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    await new Promise((resolve) => setTimeout(resolve, downUntil.getTime() - Date.now() + 50));
    expect((await getJson(`${sim.api}/probe`)).status).toBe(200);
  });

  it('never faults the admin API, health or the API docs, so a test can always heal the system', async () => {
    await put(`${sim.api}/admin/faults`, { errorRate: 1, downUntil: new Date(Date.now() + 60_000).toISOString() });

    expect((await getJson(`${sim.api}/admin/faults`)).status).toBe(200);
    expect((await getJson(`${sim.base}/health/live`)).status).toBe(200);
    expect((await fetch(`${sim.base}/api/openapi.json`)).status).toBe(200);
    expect((await fetch(`${sim.api}/admin/faults`, { method: 'DELETE' })).status).toBe(204);
    expect((await getJson(`${sim.api}/probe`)).status).toBe(200);
  });

  it('refuses a rate outside 0..1 naming the field', async () => {
    const response = await put(`${sim.api}/admin/faults`, { errorRate: 2 });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [expect.objectContaining({ field: 'errorRate' })] });
  });

  it('clears the faults on POST /admin/reset', async () => {
    await put(`${sim.api}/admin/faults`, { errorRate: 1 });

    expect((await fetch(`${sim.api}/admin/reset`, { method: 'POST' })).status).toBe(204);
    expect((await getJson(`${sim.api}/probe`)).status).toBe(200);
  });
});
