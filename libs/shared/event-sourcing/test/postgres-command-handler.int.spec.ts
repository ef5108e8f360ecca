import { createTestSchema, type TestSchema } from '@switchboard/testing';
import { handleCommand, migrateEventStore, PostgresEventStore } from '../src';
import { counterDecider, type CounterIncremented } from './fixtures/counter.decider';

describe('handleCommand on PostgreSQL', () => {
  let schema: TestSchema;
  let store: PostgresEventStore;

  beforeAll(async () => {
    schema = await createTestSchema('escmd');
    await migrateEventStore(schema.connectionString, schema.schema);
    store = new PostgresEventStore({ connectionString: schema.connectionString, schema: schema.schema });
  });
  afterAll(async () => {
    await store.close();
    await schema.drop();
  });

  it('keeps a stream consistent when 24 commands race on it: each applied once, on the state before it', async () => {
    const stream = 'counter-race';
    await handleCommand(store, stream, counterDecider, { type: 'OpenCounter', data: { counterId: 'race' } });
    const results = await Promise.all(
      Array.from({ length: 24 }, () =>
        handleCommand(store, stream, counterDecider, { type: 'IncrementCounter', data: { by: 1 } }, { maxRetries: 100 }),
      ),
    );
    const events = await store.readStream(stream);
    expect(events.map((e) => e.streamRevision)).toEqual(Array.from({ length: 25 }, (_, i) => BigInt(i)));
    expect(events.slice(1).map((e) => (e.data as CounterIncremented['data']).valueAfter)).toEqual(
      Array.from({ length: 24 }, (_, i) => i + 1),
    );
    expect(new Set(results.map((r) => r.nextExpectedRevision)).size).toBe(24);
    expect(Math.max(...results.map((r) => (r.newState.status === 'open' ? r.newState.value : 0)))).toBe(24);
  });

  it('opens a stream once when the same create command races with itself', async () => {
    const stream = 'counter-twice';
    const open = { type: 'OpenCounter', data: { counterId: 'twice' } } as const;
    const results = await Promise.all(Array.from({ length: 8 }, () => handleCommand(store, stream, counterDecider, open)));
    expect(results.filter((r) => r.newEvents.length === 1)).toHaveLength(1);
    expect(await store.readStream(stream)).toHaveLength(1);
  });
});
