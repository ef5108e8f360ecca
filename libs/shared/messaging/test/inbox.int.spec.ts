import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { createTestSchema, type TestSchema } from '@switchboard/testing';
import { Inbox, handleOnce, inboxMigrations } from '../src';

describe('Inbox (PostgreSQL)', () => {
  let db: TestSchema;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestSchema('inbox');
    dataSource = new DataSource({
      type: 'postgres',
      url: db.connectionString,
      extra: { options: `-c search_path=${db.schema}`, max: 8 },
      migrations: inboxMigrations,
    });
    await dataSource.initialize();
    await dataSource.runMigrations();
    await db.pool.query('CREATE TABLE effects (event_id text NOT NULL)');
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const recordEffect = (eventId: string) => async (manager: EntityManager) => {
    await manager.query('INSERT INTO effects (event_id) VALUES ($1)', [eventId]);
  };

  async function effectCounts(): Promise<Map<string, number>> {
    const { rows } = await db.pool.query<{ event_id: string; n: string }>(
      'SELECT event_id, count(*) AS n FROM effects GROUP BY event_id',
    );
    return new Map(rows.map((r) => [r.event_id, Number(r.n)]));
  }

  it('creates the inbox table in the service schema through the migration', async () => {
    const { rows } = await db.pool.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'inbox' ORDER BY ordinal_position`,
      [db.schema],
    );
    expect(rows.map((r) => r.column_name)).toEqual(['consumer', 'event_id', 'received_at']);
  });

  it('applies each effect exactly once when every message is delivered twice, one after the other', async () => {
    const ids = Array.from({ length: 20 }, () => randomUUID());
    const outcomes: string[] = [];
    for (const delivery of [...ids, ...ids]) {
      outcomes.push(await handleOnce(dataSource, 'sequential', delivery, recordEffect(delivery)));
    }

    expect(outcomes.filter((o) => o === 'applied')).toHaveLength(ids.length);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(ids.length);
    const counts = await effectCounts();
    for (const id of ids) expect(counts.get(id)).toBe(1);
  });

  it('applies each effect exactly once when both deliveries of every message race each other', async () => {
    const ids = Array.from({ length: 30 }, () => randomUUID());
    const outcomes = await Promise.all(
      ids.flatMap((id) => [
        handleOnce(dataSource, 'concurrent', id, recordEffect(id)),
        handleOnce(dataSource, 'concurrent', id, recordEffect(id)),
      ]),
    );

    for (let i = 0; i < ids.length; i++) {
      expect([outcomes[2 * i], outcomes[2 * i + 1]].sort()).toEqual(['applied', 'duplicate']);
    }
    const counts = await effectCounts();
    for (const id of ids) expect(counts.get(id)).toBe(1);
  });

  it('keeps consumers apart: the same event is applied once for each consumer', async () => {
    const id = randomUUID();
    expect(await handleOnce(dataSource, 'crm__on-order', id, recordEffect(id))).toBe('applied');
    expect(await handleOnce(dataSource, 'erp__on-order', id, recordEffect(id))).toBe('applied');
    expect(await handleOnce(dataSource, 'crm__on-order', id, recordEffect(id))).toBe('duplicate');
    expect((await effectCounts()).get(id)).toBe(2);
  });

  it('rolls back the inbox row with a failing effect, so the redelivery applies it', async () => {
    const id = randomUUID();
    const failing = async (manager: EntityManager) => {
      await recordEffect(id)(manager);
      throw new Error('ERP is down');
    };

    await expect(handleOnce(dataSource, 'retrying', id, failing)).rejects.toThrow('ERP is down');
    expect((await effectCounts()).get(id)).toBeUndefined();

    expect(await handleOnce(dataSource, 'retrying', id, recordEffect(id))).toBe('applied');
    expect(await handleOnce(dataSource, 'retrying', id, recordEffect(id))).toBe('duplicate');
    expect((await effectCounts()).get(id)).toBe(1);
  });

  it('lets a handler record the event inside its own transaction with tryRecord', async () => {
    const id = randomUUID();
    const deliver = () =>
      dataSource.transaction(async (manager) => {
        if (!(await Inbox.tryRecord(manager, 'manual', id))) return false;
        await recordEffect(id)(manager);
        return true;
      });

    expect(await deliver()).toBe(true);
    expect(await deliver()).toBe(false);
    expect((await effectCounts()).get(id)).toBe(1);
  });
});
