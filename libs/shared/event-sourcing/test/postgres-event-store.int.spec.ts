import { createTestSchema, type TestSchema } from '@switchboard/testing';
import { migrateEventStore, PostgresEventStore } from '../src';
import { describeEventStoreContract } from './event-store.contract';

describeEventStoreContract(
  'PostgreSQL',
  async () => {
    const schema: TestSchema = await createTestSchema('es');
    await migrateEventStore(schema.connectionString, schema.schema);
    const store = new PostgresEventStore({ connectionString: schema.connectionString, schema: schema.schema });
    return {
      store,
      async dispose() {
        await store.close();
        await schema.drop();
      },
    };
  },
  { rejectsReusedEventIds: true },
);
