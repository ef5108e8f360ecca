import { createTestSchema, type TestSchema } from '@switchboard/testing';
import { DataSource } from 'typeorm';
import { migrateEventStore, ProcessorCheckpoints } from '../src';

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
});
