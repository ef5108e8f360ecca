import type { INestApplication } from '@nestjs/common';
import { createTestNats, createTestSchema, TEST_DATABASE_URL, TEST_NATS_URL, type TestNats, type TestSchema } from '@switchboard/testing';
import { connect, type NatsConnection } from 'nats';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bootstrapService } from '../src/index';
import { sampleAppModule } from './fixtures/sample-app.module';

// Boots the sample service in this process through the real bootstrap, against the real servers.
describe('bootstrapService', () => {
  let schema: TestSchema;
  let testNats: TestNats;
  let appNats: NatsConnection;
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    process.env['DATABASE_URL'] = TEST_DATABASE_URL;
    process.env['NATS_URL'] = TEST_NATS_URL;
    process.env['LOG_LEVEL'] = 'warn';
    schema = await createTestSchema('obs');
    testNats = await createTestNats();
    // The app's own connection, so a test can close it without breaking the fixture's cleanup.
    appNats = await connect({ servers: testNats.url, name: `${testNats.namespace}-app` });
    app = await bootstrapService({ name: 'sample', module: sampleAppModule({ pool: schema.pool, nats: () => appNats }), port: 0 });
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app?.close();
    if (!appNats.isClosed()) await appNats.close();
    await testNats?.cleanup();
    await schema?.drop();
  });

  // Response bodies are asserted on, so their shape is whatever came back.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const json = (res: Response): Promise<any> => res.json();

  const postJson = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

  it('keeps an idle keep-alive connection open longer than the load balancers in front (65 s by default)', () => {
    const server = app.getHttpServer() as Server;

    expect(server.keepAliveTimeout).toBe(65_000);
    expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);
  });

  it('answers the liveness probe outside the API prefix', async () => {
    const res = await fetch(`${base}/health/live`);

    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('is ready when PostgreSQL and NATS answer', async () => {
    const res = await fetch(`${base}/health/ready`);
    const body = await json(res);

    expect(res.status).toBe(200);
    expect(body.details).toMatchObject({ lifecycle: { status: 'up' }, postgres: { status: 'up' }, nats: { status: 'up' } });
  });

  it('serves Prometheus metrics with the process defaults and the HTTP request histogram', async () => {
    await fetch(`${base}/health/live`);
    const res = await fetch(`${base}/metrics`);
    const text = await res.text();

    expect(res.status).toBe(200);
    expect(text).toContain('switchboard_process_cpu_user_seconds_total');
    expect(text).toMatch(/switchboard_http_request_duration_seconds_count\{service="sample",method="GET",route="\/health\/live",status="200"\} \d+/);
  });

  it("echoes the caller's correlation id and gives it to the handling code", async () => {
    const res = await postJson('/api/v1/orders', JSON.stringify({ customerId: 'c-1', lines: [{ sku: 'A', quantity: 1 }] }), {
      'x-correlation-id': 'corr-123',
    });

    expect(res.status).toBe(201);
    expect(res.headers.get('x-correlation-id')).toBe('corr-123');
    expect(await res.json()).toEqual({ accepted: true, lines: 1, correlationId: 'corr-123' });
  });

  it('generates a correlation id for a request without one', async () => {
    const res = await fetch(`${base}/health/live`);

    expect(res.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an invalid body with 400 problem+json naming each wrong field', async () => {
    const res = await postJson('/api/v1/orders', JSON.stringify({ customerId: 'c-1', lines: [{ sku: 'A', quantity: 0 }], coupon: 'X' }));
    const problem = await json(res);

    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(problem).toMatchObject({ status: 400, type: 'urn:switchboard:problem:validation', instance: '/api/v1/orders' });
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { field: 'lines[0].quantity', message: 'quantity must not be less than 1' },
        { field: 'coupon', message: 'property coupon should not exist' },
      ]),
    );
  });

  it('answers a malformed JSON body with 400 problem+json, still correlated', async () => {
    const res = await postJson('/api/v1/orders', '{"customerId": ', { 'x-correlation-id': 'corr-bad-json' });

    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.headers.get('x-correlation-id')).toBe('corr-bad-json');
    expect(await res.json()).toMatchObject({ status: 400, title: 'Bad Request' });
  });

  it('maps a domain conflict to 409 with its code', async () => {
    const res = await postJson('/api/v1/orders/duplicate', '{}');

    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      type: 'urn:switchboard:problem:order.already-placed',
      status: 409,
      code: 'order.already-placed',
      details: { orderId: 'o-1' },
    });
  });

  it('answers an unexpected error with 500 problem+json and no internals', async () => {
    const res = await fetch(`${base}/api/v1/orders/boom`, { headers: { 'x-correlation-id': 'corr-boom' } });
    const text = await res.text();

    expect(res.status).toBe(500);
    expect(JSON.parse(text)).toMatchObject({ status: 500, correlationId: 'corr-boom' });
    expect(text).not.toContain('db-7.internal');
    expect(text).not.toContain('at OrdersController');
  });

  it('serves the OpenAPI document', async () => {
    const res = await fetch(`${base}/api/openapi.json`);

    expect(res.status).toBe(200);
    expect(Object.keys((await json(res)).paths)).toContain('/api/v1/orders');
  });

  // Last: it closes the app's NATS connection.
  it('reports not ready (503) naming NATS once the NATS connection is gone', async () => {
    await appNats.close();

    const res = await fetch(`${base}/health/ready`);
    const body = await json(res);

    expect(res.status).toBe(503);
    expect(body.error).toEqual({ nats: { status: 'down', message: 'connection closed' } });
    expect(body.details.postgres.status).toBe('up');
  });
});

describe('bootstrapService with a bad environment', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('refuses to start, naming every missing or malformed variable', async () => {
    process.env['DATABASE_URL'] = TEST_DATABASE_URL;
    delete process.env['NATS_URL'];
    process.env['PORT'] = 'http';
    process.env['LOG_LEVEL'] = 'silent';

    const start = bootstrapService({ name: 'sample', module: sampleAppModule({ pool: undefined!, nats: () => undefined }) });

    await expect(start).rejects.toThrow(/NATS_URL is not set: NATS_URL must be a nats:\/\/ URL/);
    await expect(start).rejects.toThrow(/PORT is invalid: PORT must be an integer port number/);
  });
});
