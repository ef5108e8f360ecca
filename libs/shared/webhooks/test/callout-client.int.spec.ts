import { Registry } from 'prom-client';
import { CalloutClient, CalloutError, type CalloutClientOptions } from '../src/index';
import { answer, hang, ScriptedServer } from './support/scripted-server';
import { quietLogger } from '@switchboard/testing';

async function failure(call: Promise<unknown>): Promise<CalloutError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof CalloutError) return error;
    throw error;
  }
  throw new Error('the call succeeded');
}

describe('CalloutClient against a real HTTP server', () => {
  let server: ScriptedServer;
  let registry: Registry;

  const client = (options: Partial<CalloutClientOptions> = {}) =>
    new CalloutClient({
      name: 'erp',
      // Generous: a loaded machine (or the process's first fetch) must not turn into a timeout.
      timeoutMs: 2_000,
      retry: { maxAttempts: 4, baseDelayMs: 20, maxDelayMs: 50, maxElapsedMs: 5_000 },
      logger: quietLogger,
      registry,
      ...options,
      baseUrl: options.baseUrl ?? server.url,
    });

  /** The sum of a metric's samples with these labels (`sample`: a histogram's `_count`, `_sum`…). */
  const metric = async (name: string, labels: Record<string, string>, sample = name) => {
    const values = (await registry.getSingleMetric(name)?.get())?.values ?? [];
    return values
      .filter((v) => ((v as { metricName?: string }).metricName ?? name) === sample)
      .filter((v) => Object.entries(labels).every(([k, l]) => (v.labels as Record<string, unknown>)[k] === l))
      .reduce((sum, v) => sum + v.value, 0);
  };

  beforeEach(async () => {
    server = await ScriptedServer.start();
    registry = new Registry();
  });

  afterEach(() => server.close());

  it('retries 5xx answers and succeeds, sending the same Idempotency-Key every time', async () => {
    server.next.push(answer(503), answer(500));
    server.otherwise = answer(201, { customerNo: 'C-1' });

    const res = await client().post('/customers', { name: 'ACME' }, { idempotencyKey: 'evt-1' });

    expect(res).toMatchObject({ status: 201, body: { customerNo: 'C-1' }, attempts: 3 });
    expect(server.received.map((r) => r.headers['idempotency-key'])).toEqual(['evt-1', 'evt-1', 'evt-1']);
    expect(server.received.map((r) => JSON.parse(r.body))).toEqual([{ name: 'ACME' }, { name: 'ACME' }, { name: 'ACME' }]);
    expect(await metric('switchboard_callout_attempts_total', { result: '5xx' })).toBe(2);
  });

  it('waits as long as a 429 Retry-After asks before trying again', async () => {
    server.next.push(answer(429, { title: 'slow down' }, { 'retry-after': '1' }));

    const res = await client().get('/sales-orders/SO-1');

    expect(res.attempts).toBe(2);
    expect(server.received[1].at - server.received[0].at).toBeGreaterThanOrEqual(950);
  });

  it('honours a Retry-After given as an HTTP date', async () => {
    server.next.push((_, res) => answer(503, {}, { 'retry-after': new Date(Date.now() + 1_500).toUTCString() })(_, res));

    const res = await client().get('/sales-orders/SO-1');

    expect(res.attempts).toBe(2);
    // The date has whole-second precision: the wait is at least half a second, well above the 50 ms backoff cap.
    expect(server.received[1].at - server.received[0].at).toBeGreaterThanOrEqual(500);
  });

  it('gives up at once, retryable, when Retry-After is beyond the time budget', async () => {
    server.otherwise = answer(429, {}, { 'retry-after': '120' });

    const error = await failure(client().get('/sales-orders'));

    expect(error).toMatchObject({ status: 429, attempts: 1, retryable: true, circuitOpen: false, retryAfterMs: 120_000 });
  });

  it('times out a hanging endpoint per attempt and stops after the last attempt', async () => {
    server.otherwise = hang;
    const started = Date.now();

    const error = await failure(client({ timeoutMs: 200, retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 10, maxElapsedMs: 5_000 } }).get('/slow'));

    expect(error).toMatchObject({ attempts: 3, retryable: true, status: undefined });
    expect(error.message).toContain('timeout');
    expect(server.received).toHaveLength(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 200);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('counts a body that stalls after the headers as a timed-out attempt, and retries it', async () => {
    server.next.push((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json', connection: 'close' });
      res.write('{"customerNo":');
    });
    server.otherwise = answer(200, { customerNo: 'C-9' });

    const res = await client({ timeoutMs: 200 }).get('/customers/9');

    expect(res).toMatchObject({ status: 200, body: { customerNo: 'C-9' }, attempts: 2 });
    expect(await metric('switchboard_callout_attempts_total', { result: 'timeout' })).toBe(1);
  });

  it('bounds the total time: no attempt starts after the budget', async () => {
    server.otherwise = hang;
    const started = Date.now();

    const error = await failure(client({ timeoutMs: 200, retry: { maxAttempts: 10, baseDelayMs: 10, maxDelayMs: 10, maxElapsedMs: 500 } }).get('/slow'));

    expect(error.attempts).toBeLessThan(10);
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('retries a refused connection as a network failure', async () => {
    const gone = server.url;
    await server.close();

    const error = await failure(client({ baseUrl: gone }).get('/customers'));

    expect(error).toMatchObject({ attempts: 4, retryable: true });
    expect(error.message).toContain('network');
    server = await ScriptedServer.start();
  });

  it('follows a redirect and hands back the final answer with its headers', async () => {
    server.next.push(answer(307, {}, { location: '/v2/customers' }));
    server.otherwise = answer(201, { customerNo: 'C-7' }, { etag: '"c7"' });

    const res = await client().post('/customers', { name: 'ACME' }, { idempotencyKey: 'evt-7' });

    expect(res).toMatchObject({ status: 201, body: { customerNo: 'C-7' }, attempts: 1 });
    expect(res.headers.get('etag')).toBe('"c7"');
    expect(server.received.map((r) => [r.method, r.url, r.headers['idempotency-key']])).toEqual([
      ['POST', '/customers', 'evt-7'],
      ['POST', '/v2/customers', 'evt-7'],
    ]);
  });

  it('does not retry a 4xx refusal and hands back its body', async () => {
    server.otherwise = answer(422, { title: 'unknown customer' });

    const error = await failure(client().post('/sales-orders', { customerNo: 'X' }, { idempotencyKey: 'evt-2' }));

    expect(error).toMatchObject({ status: 422, attempts: 1, retryable: false, circuitOpen: false, body: { title: 'unknown customer' } });
    expect(server.received).toHaveLength(1);
  });

  it('refuses an unsafe call without an idempotency key before sending anything', async () => {
    const untyped = client() as unknown as { request(r: object): Promise<unknown> };

    await expect(untyped.request({ method: 'POST', path: '/customers', json: {} })).rejects.toThrow(/idempotencyKey is required/);
    expect(server.received).toHaveLength(0);
  });

  it('opens the circuit after consecutive failures, fails fast while open, and closes after a successful trial', async () => {
    const erp = client({ retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 5, maxElapsedMs: 5_000 }, circuitBreaker: { failureThreshold: 3, coolDownMs: 300 } });
    const route = 'PUT /customers/:no/conditions';
    const put = (no: string) => erp.put(`/customers/${no}/conditions`, { discount: 5 }, { idempotencyKey: `evt-${no}`, route });
    server.otherwise = answer(500);

    expect((await failure(put('1'))).circuitOpen).toBe(false);
    const opening = await failure(put('2'));
    expect(opening).toMatchObject({ attempts: 1, circuitOpen: true, retryable: true });
    expect(erp.circuitState(route)).toBe('open');
    expect(server.received).toHaveLength(3);

    const fast = await failure(put('3'));
    expect(fast).toMatchObject({ attempts: 0, circuitOpen: true, retryable: true });
    expect(fast.retryAfterMs).toBeGreaterThan(0);
    expect(server.received).toHaveLength(3);
    expect(await metric('switchboard_callout_circuit_state', { endpoint: `${server.url} ${route}` })).toBe(2);

    // Other endpoints of the same origin have their own circuit.
    expect(await failure(erp.get('/customers/1'))).toMatchObject({ attempts: 2, circuitOpen: false });

    await new Promise((r) => setTimeout(r, 320));
    server.otherwise = answer(200, { ok: true });
    expect((await put('4')).status).toBe(200);
    expect(erp.circuitState(route)).toBe('closed');
    expect(await metric('switchboard_callout_circuit_state', { endpoint: `${server.url} ${route}` })).toBe(0);
  });

  it('opens the circuit again for a whole cool-down when the half-open trial fails', async () => {
    const erp = client({ retry: { maxAttempts: 1 }, circuitBreaker: { failureThreshold: 1, coolDownMs: 200 } });
    server.otherwise = answer(503);
    await failure(erp.get('/x'));
    await new Promise((r) => setTimeout(r, 220));

    const trial = await failure(erp.get('/x'));
    const after = await failure(erp.get('/x'));

    expect(trial).toMatchObject({ attempts: 1, status: 503 });
    expect(after).toMatchObject({ attempts: 0, circuitOpen: true });
    expect(server.received).toHaveLength(2);
  });

  it('records the duration and outcome of each call', async () => {
    server.next.push(answer(503));
    await client().get('/ok');
    server.otherwise = answer(404);
    await failure(client().get('/missing'));

    const calls = (outcome: string) => metric('switchboard_callout_duration_seconds', { outcome }, 'switchboard_callout_duration_seconds_count');
    expect([await calls('success'), await calls('rejected'), await calls('failed')]).toEqual([1, 1, 0]);
    expect(await metric('switchboard_callout_duration_seconds', { outcome: 'success' }, 'switchboard_callout_duration_seconds_sum')).toBeGreaterThan(0);
  });
});
