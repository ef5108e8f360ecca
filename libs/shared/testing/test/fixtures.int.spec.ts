import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestNats, createTestSchema, freePort, getJson, patchJson, postJson, waitFor } from '../src';

describe('test fixtures', () => {
  it('creates an empty schema of its own and drops it afterwards', async () => {
    const a = await createTestSchema('fx');
    const b = await createTestSchema('fx');
    expect(a.schema).not.toEqual(b.schema);
    await a.pool.query('CREATE TABLE probe (id int)');
    const { rows } = await b.pool.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = $1", [b.schema]);
    expect(rows[0].n).toBe(0);
    await a.drop();
    const { rows: left } = await b.pool.query('SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = $1', [a.schema]);
    expect(left[0].n).toBe(0);
    await b.drop();
  });

  it('turns a service name with dashes into a valid schema name', async () => {
    const schema = await createTestSchema('contract-adapter');
    expect(schema.schema).toMatch(/^contract_adapter_[0-9a-f]{10}$/);
    await schema.drop();
  });

  it('gives each test a NATS namespace whose streams are deleted on cleanup', async () => {
    const nats = await createTestNats();
    const other = await createTestNats();
    expect(nats.namespace).not.toEqual(other.namespace);
    const jsm = await nats.nc.jetstreamManager();
    const name = `${nats.namespace.toUpperCase()}_PROBE`;
    await jsm.streams.add({ name, subjects: [`${nats.namespace}.probe.>`] });
    await nats.cleanup();
    const otherJsm = await other.nc.jetstreamManager();
    await expect(otherJsm.streams.info(name)).rejects.toThrow(/stream not found/);
    await other.cleanup();
  });

  it('waitFor returns the first truthy value and names what timed out', async () => {
    let calls = 0;
    await expect(waitFor(() => (++calls >= 3 ? 'ready' : undefined), { intervalMs: 1 })).resolves.toBe('ready');
    await expect(waitFor(() => false, { timeoutMs: 30, what: 'the moon' })).rejects.toThrow(/the moon/);
  });

  it('json-http sends JSON bodies (strings as they are) with their headers and parses the JSON answer', async () => {
    // Echoes what it received, so the test sees the request as a service would.
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        res.writeHead(201, { 'content-type': 'application/json', 'x-echo': 'yes' });
        res.end(JSON.stringify({ method: req.method, contentType: req.headers['content-type'], key: req.headers['idempotency-key'] ?? null, body }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
    try {
      const posted = await postJson(url, { a: 1 }, { 'Idempotency-Key': 'k-1' });
      const raw = await postJson(url, '{not json');
      const patched = await patchJson(url, { b: 2 });
      const got = await getJson(url);

      expect(posted).toMatchObject({ status: 201, body: { method: 'POST', contentType: 'application/json', key: 'k-1', body: '{"a":1}' } });
      expect(posted.headers.get('x-echo')).toBe('yes');
      expect(raw.body.body).toBe('{not json');
      expect(patched.body).toMatchObject({ method: 'PATCH', body: '{"b":2}' });
      expect(got.body).toMatchObject({ method: 'GET', body: '' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('json-http answers an empty body as null', async () => {
    const server = createServer((_req, res) => res.writeHead(204).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
    try {
      expect(await getJson(url)).toMatchObject({ status: 204, body: null });
      expect(await postJson(url, {})).toMatchObject({ status: 204, body: null });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('freePort finds a loopback port nothing listens on', async () => {
    const port = await freePort();
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    expect((server.address() as AddressInfo).port).toBe(port);
    await new Promise((resolve) => server.close(resolve));
  });
});
