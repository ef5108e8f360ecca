import { EventStoreDBEventStore } from '../src';
import { describeEventStoreContract } from './event-store.contract';

const connectionString = process.env['EVENTSTORE_CONNECTION_STRING'];

describeEventStoreContract(
  'EventStoreDB',
  async () => {
    const store = new EventStoreDBEventStore(connectionString!);
    return { store, dispose: () => store.close() };
  },
  { skipReason: connectionString ? undefined : 'EVENTSTORE_CONNECTION_STRING is not set' },
);
