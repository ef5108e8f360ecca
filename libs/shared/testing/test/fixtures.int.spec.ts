import { createTestNats, createTestSchema, waitFor } from '../src';

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
});
