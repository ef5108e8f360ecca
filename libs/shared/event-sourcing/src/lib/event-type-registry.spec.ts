import type { RecordedEvent } from './event-store.port';
import { EventTypeRegistry, EventTypeRegistryError, UnknownEventTypeError } from './event-type-registry';
import { withEventTypeRegistry } from './upcasting-event-store';
import { InMemoryEventStore } from './in-memory/in-memory-event-store';

// OrderPlaced v1 {total}, v2 {amount} (renamed), v3 {amount, currency} (added with a default).
const registry = () =>
  new EventTypeRegistry().register('OrderCancelled').register('OrderPlaced', {
    schemaVersion: 3,
    upcasters: {
      1: ({ total, ...rest }: { total: number }) => ({ ...rest, amount: total }),
      2: (data: { amount: number }) => ({ ...data, currency: 'EUR' }),
    },
  });

function stored(data: unknown, schemaVersion?: number): RecordedEvent {
  return {
    id: 'e1',
    type: 'OrderPlaced',
    data,
    metadata: schemaVersion === undefined ? { actor: 'a' } : { actor: 'a', schemaVersion },
    streamName: 'order-1',
    streamRevision: 0n,
    position: { commit: 1n, prepare: 1n },
    recordedAt: new Date(0),
  };
}

describe('EventTypeRegistry', () => {
  it('reads data stored without a version as version 1 and upcasts it step by step to the current one', () => {
    const event = registry().upcast(stored({ total: 10 }));
    expect(event.data).toEqual({ amount: 10, currency: 'EUR' });
    expect(event.metadata).toEqual({ actor: 'a', schemaVersion: 3 });
  });

  it('upcasts from an intermediate version and leaves current data untouched', () => {
    expect(registry().upcast(stored({ amount: 5 }, 2)).data).toEqual({ amount: 5, currency: 'EUR' });
    const current = stored({ amount: 5, currency: 'USD' }, 3);
    expect(registry().upcast(current)).toBe(current);
  });

  it('passes through event types it does not know (other categories in the global order)', () => {
    const foreign = { ...stored({ x: 1 }), type: 'CustomerWon' };
    expect(registry().upcast(foreign)).toBe(foreign);
  });

  it('refuses data stored at a version newer than it knows', () => {
    expect(() => registry().upcast(stored({ amount: 5 }, 4))).toThrow(/stored at schema version 4.*versions 1\.\.3/);
  });

  it('stamps the current schema version on appended events, keeping other metadata', () => {
    expect(registry().stamp({ type: 'OrderPlaced', data: {}, metadata: { actor: 'a' } }).metadata).toEqual({ actor: 'a', schemaVersion: 3 });
    expect(registry().stamp({ type: 'OrderCancelled', data: {} }).metadata).toEqual({ schemaVersion: 1 });
  });

  it('refuses to stamp a type that was never registered', () => {
    expect(() => registry().stamp({ type: 'OrderShipped', data: {} })).toThrow(UnknownEventTypeError);
  });

  it('refuses a definition with a missing upcaster, a bad version or a second registration', () => {
    expect(() => new EventTypeRegistry().register('A', { schemaVersion: 3, upcasters: { 1: (d) => d } })).toThrow(
      /no upcaster from version 2 to 3/,
    );
    expect(() => new EventTypeRegistry().register('A', { schemaVersion: 0 })).toThrow(EventTypeRegistryError);
    expect(() => new EventTypeRegistry().register('A').register('A')).toThrow(/registered twice/);
  });

  it('lists what it knows', () => {
    expect(registry().registeredTypes()).toEqual(['OrderCancelled', 'OrderPlaced']);
    expect(registry().isRegistered('OrderPlaced')).toBe(true);
    expect(registry().currentVersion('OrderPlaced')).toBe(3);
  });
});

describe('withEventTypeRegistry', () => {
  it('stamps appends, and upcasts stream reads, global reads and subscriptions', async () => {
    const raw = new InMemoryEventStore();
    await raw.appendToStream('order-1', [{ type: 'OrderPlaced', data: { total: 7 }, metadata: { schemaVersion: 1 } }], {
      expectedRevision: 'no_stream',
    });
    const store = withEventTypeRegistry(raw, registry());
    await store.appendToStream('order-1', [{ type: 'OrderCancelled', data: {} }], { expectedRevision: 0n });

    expect((await raw.readStream('order-1'))[1]!.metadata.schemaVersion).toBe(1);
    expect((await store.readStream('order-1'))[0]!.data).toEqual({ amount: 7, currency: 'EUR' });
    expect((await store.readAll())[0]!.data).toEqual({ amount: 7, currency: 'EUR' });

    const subscription = store.subscribeToAll();
    for await (const event of subscription) {
      expect(event.data).toEqual({ amount: 7, currency: 'EUR' });
      break;
    }
    await store.close();
  });
});
