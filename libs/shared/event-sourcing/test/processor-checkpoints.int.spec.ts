import { createTestSchema, type TestSchema } from '@switchboard/testing';
import { DataSource } from 'typeorm';
import { CHECKPOINT_MOVED_SQLSTATE, migrateEventStore, ProcessorCheckpoints } from '../src';

describe('ProcessorCheckpoints', () => {
  let db: TestSchema;
  let dataSource: DataSource;

  beforeEach(async () => {
    db = await createTestSchema('cp');
    await migrateEventStore(db.connectionString, db.schema);
    dataSource = await new DataSource({
      type: 'postgres',
      url: db.connectionString,
      extra: { max: 2, options: `-c search_path=${db.schema}` },
    }).initialize();
  });

  afterEach(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('reads null for a processor that never checkpointed', async () => {
    expect(await ProcessorCheckpoints.read(db.pool, 'crm-relay')).toBeNull();
    expect(await ProcessorCheckpoints.read(dataSource, 'crm-relay')).toBeNull();
  });

  it('reads back the last position written, per processor, through pg and TypeORM alike', async () => {
    await ProcessorCheckpoints.write(db.pool, 'crm-relay', { commit: 10n, prepare: 3n });
    await ProcessorCheckpoints.write(dataSource, 'crm-relay', { commit: 12n, prepare: 7n });
    await ProcessorCheckpoints.write(dataSource.manager, 'reactor', { commit: 1n, prepare: 1n });

    expect(await ProcessorCheckpoints.read(db.pool, 'crm-relay')).toEqual({ commit: 12n, prepare: 7n });
    expect(await ProcessorCheckpoints.read(dataSource.manager, 'reactor')).toEqual({ commit: 1n, prepare: 1n });
  });

  it('keeps positions beyond the signed 64-bit range', async () => {
    const huge = { commit: 18_446_744_073_709_551_615n, prepare: 9_223_372_036_854_775_808n };

    await ProcessorCheckpoints.write(db.pool, 'p', huge);

    expect(await ProcessorCheckpoints.read(dataSource, 'p')).toEqual(huge);
  });

  it('resets to "from the beginning" when null is written', async () => {
    await ProcessorCheckpoints.write(db.pool, 'p', { commit: 5n, prepare: 5n });

    await ProcessorCheckpoints.write(db.pool, 'p', null);

    expect(await ProcessorCheckpoints.read(db.pool, 'p')).toBeNull();
  });

  it('writes atomically with the caller\'s transaction: a rollback keeps the old checkpoint', async () => {
    await ProcessorCheckpoints.write(db.pool, 'p', { commit: 5n, prepare: 5n });

    await expect(
      dataSource.transaction(async (manager) => {
        await ProcessorCheckpoints.write(manager, 'p', { commit: 9n, prepare: 9n });
        throw new Error('effect failed');
      }),
    ).rejects.toThrow('effect failed');

    expect(await ProcessorCheckpoints.read(db.pool, 'p')).toEqual({ commit: 5n, prepare: 5n });
  });
  describe('move (optimistic: only from where the writer read it)', () => {
    const p1 = { commit: 10n, prepare: 4n };
    const p2 = { commit: 12n, prepare: 9n };

    it('moves a checkpoint that is still where it was read, "nothing processed" included', async () => {
      await ProcessorCheckpoints.ensure(db.pool, 'p');

      expect(await ProcessorCheckpoints.move(db.pool, 'p', null, p1)).toBe(true);
      expect(await ProcessorCheckpoints.move(dataSource.manager, 'p', p1, p2)).toBe(true);

      expect(await ProcessorCheckpoints.read(db.pool, 'p')).toEqual(p2);
    });

    it('refuses when another writer moved it, and leaves it', async () => {
      await ProcessorCheckpoints.write(db.pool, 'p', p2);

      expect(await ProcessorCheckpoints.move(db.pool, 'p', p1, { commit: 20n, prepare: 20n })).toBe(false);
      expect(await ProcessorCheckpoints.move(db.pool, 'p', null, p1)).toBe(false);

      expect(await ProcessorCheckpoints.read(db.pool, 'p')).toEqual(p2);
    });

    it("waits for a concurrent writer's move to commit, then refuses", async () => {
      await ProcessorCheckpoints.write(db.pool, 'p', p1);
      let second: Promise<boolean> | undefined;

      await dataSource.transaction(async (manager) => {
        expect(await ProcessorCheckpoints.move(manager, 'p', p1, p2)).toBe(true);
        // The second writer read p1 too; its move must wait for this transaction, not pass it.
        second = ProcessorCheckpoints.move(db.pool, 'p', p1, { commit: 11n, prepare: 5n });
        const settledEarly = await Promise.race([second.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 200))]);
        expect(settledEarly).toBe(false);
      });

      expect(await second).toBe(false);
      expect(await ProcessorCheckpoints.read(db.pool, 'p')).toEqual(p2);
    });

    it('as one statement in a one-round-trip transaction: moves, or fails and stops the COMMIT', async () => {
      await ProcessorCheckpoints.write(db.pool, 'p', p1);
      await db.pool.query('CREATE TABLE effects (note text)');
      const transaction = (from: typeof p1, to: typeof p1) =>
        ['BEGIN', "INSERT INTO effects VALUES ('applied')", ProcessorCheckpoints.moveOrFailStatement('p', from, to), 'COMMIT'].join(';\n');

      await db.pool.query(transaction(p1, p2));
      const client = await db.pool.connect();
      try {
        await expect(client.query(transaction(p1, { commit: 30n, prepare: 30n }))).rejects.toMatchObject({ code: CHECKPOINT_MOVED_SQLSTATE });
        await client.query('ROLLBACK');
      } finally {
        client.release();
      }

      expect(await ProcessorCheckpoints.read(db.pool, 'p')).toEqual(p2);
      expect((await db.pool.query('SELECT note FROM effects')).rows).toEqual([{ note: 'applied' }]);
    });
  });
});
