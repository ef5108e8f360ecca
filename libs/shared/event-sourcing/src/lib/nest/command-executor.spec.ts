import { CorrelationContext } from '@switchboard/observability';
import { counterDecider } from '../../../test/fixtures/counter.decider';
import { CountingEventStore } from '../../../test/fixtures/counting-event-store';
import { EventTypeRegistry } from '../event-type-registry';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store';
import { CommandExecutor } from './command-executor';

const open = { type: 'OpenCounter', data: { counterId: '1' } } as const;

describe('CommandExecutor', () => {
  it("stamps the current chain's correlation ids and origin on every new event", async () => {
    const store = new InMemoryEventStore();
    const executor = new CommandExecutor(store, { url: 'memory:', registry: new EventTypeRegistry() });
    const ids = { correlationId: 'chain-1', causationId: 'evt-1', origin: 'erp' } as const;

    await CorrelationContext.run(ids, () => executor.execute('counter-1', counterDecider, open, { actor: 'system:test' }));

    const [event] = await store.readStream('counter-1');
    expect(event.metadata).toEqual({ correlationId: 'chain-1', causationId: 'evt-1', origin: 'erp', actor: 'system:test' });
  });

  it('stamps no ids outside a unit of work', async () => {
    const store = new InMemoryEventStore();
    const executor = new CommandExecutor(store, { url: 'memory:', registry: new EventTypeRegistry() });

    await executor.execute('counter-2', counterDecider, open);

    expect((await store.readStream('counter-2'))[0].metadata).toEqual({});
  });

  describe('the streams it wrote lately', () => {
    const increment = (by: number) => ({ type: 'IncrementCounter', data: { by } }) as const;
    const executorOn = (store: CountingEventStore, recentStreams?: number) =>
      new CommandExecutor(store, { url: 'memory:', registry: new EventTypeRegistry(), ...(recentStreams === undefined ? {} : { recentStreams }) });

    it('decides the next command on a stream it wrote without reading it back', async () => {
      const store = new CountingEventStore();
      const executor = executorOn(store);
      await executor.execute('counter-3', counterDecider, open);
      store.reads = 0;

      const result = await executor.execute('counter-3', counterDecider, increment(4));

      expect(store.reads).toBe(0);
      expect(result.newState).toEqual({ status: 'open', value: 4 });
    });

    it('reads the stream again once another writer appended to it, and applies the command on the stream as it is', async () => {
      const store = new CountingEventStore();
      const [executor, replica] = [executorOn(store), executorOn(store)];
      await executor.execute('counter-4', counterDecider, open);
      await replica.execute('counter-4', counterDecider, increment(10));
      store.reads = 0;

      const result = await executor.execute('counter-4', counterDecider, increment(1));

      expect(store.reads).toBe(1);
      expect(result.newState).toEqual({ status: 'open', value: 11 });
    });

    it('keeps none with recentStreams 0', async () => {
      const store = new CountingEventStore();
      const executor = executorOn(store, 0);
      await executor.execute('counter-5', counterDecider, open);
      store.reads = 0;

      await executor.execute('counter-5', counterDecider, increment(1));

      expect(store.reads).toBe(1);
    });
  });
});
