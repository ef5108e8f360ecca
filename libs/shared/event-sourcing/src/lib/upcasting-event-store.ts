import type {
  AppendResult,
  EventStore,
  EventSubscription,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
} from './event-store.port';
import type { EventTypeRegistry } from './event-type-registry';

/**
 * An event store seen through a registry: appends are stamped with the current schema version
 * (and must use registered types), every read and subscription yields current-version data.
 */
export function withEventTypeRegistry(store: EventStore, registry: EventTypeRegistry): EventStore {
  return new UpcastingEventStore(store, registry);
}

class UpcastingEventStore implements EventStore {
  constructor(
    private readonly store: EventStore,
    private readonly registry: EventTypeRegistry,
  ) {}

  appendToStream(
    streamName: string,
    events: readonly EventToAppend[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    return this.store.appendToStream(streamName, events.map((event) => this.registry.stamp(event)), options);
  }

  async readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return (await this.store.readStream(streamName, options)).map((event) => this.registry.upcast(event));
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return (await this.store.readAll(options)).map((event) => this.registry.upcast(event));
  }

  subscribeToAll(options?: SubscribeToAllOptions): EventSubscription {
    const subscription = this.store.subscribeToAll(options);
    const registry = this.registry;
    return {
      close: () => subscription.close(),
      async *[Symbol.asyncIterator]() {
        for await (const event of subscription) yield registry.upcast(event);
      },
    };
  }

  headPosition() {
    return this.store.headPosition();
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
