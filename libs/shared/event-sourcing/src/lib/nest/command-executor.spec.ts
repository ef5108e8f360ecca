import { CorrelationContext } from '@switchboard/observability';
import { counterDecider } from '../../../test/fixtures/counter.decider';
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
});
