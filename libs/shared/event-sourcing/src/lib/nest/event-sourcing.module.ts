import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { eventStoreCheck, readinessCheck } from '@switchboard/observability';
import { createEventStore } from '../create-event-store';
import { EVENT_STORE, type EventStore } from '../event-store.port';
import { EventTypeRegistry } from '../event-type-registry';
import { withEventTypeRegistry } from '../upcasting-event-store';
import { CommandExecutor } from './command-executor';
import { EVENT_SOURCING_OPTIONS, type EventSourcingModuleAsyncOptions, type EventSourcingModuleOptions } from './event-sourcing.options';
import { EventStoreLifecycle } from './event-store.lifecycle';

/**
 * The event store of a service: `EventSourcingModule.forRootAsync({ inject: [OrderConfig],
 * useFactory: (c) => ({ url: c.EVENT_STORE_URL, schema: c.DB_SCHEMA, registry }) })`.
 * Global: EVENT_STORE (adapter chosen by the URL's scheme, seen through the registry),
 * EventTypeRegistry and CommandExecutor are injectable everywhere; /health/ready gets an
 * `event-store` check; the store closes on shutdown.
 */
@Module({})
export class EventSourcingModule {
  static forRootAsync(options: EventSourcingModuleAsyncOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: EVENT_SOURCING_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory },
      {
        provide: EventTypeRegistry,
        inject: [EVENT_SOURCING_OPTIONS],
        useFactory: (o: EventSourcingModuleOptions) => o.registry,
      },
      {
        provide: EVENT_STORE,
        inject: [EVENT_SOURCING_OPTIONS],
        useFactory: (o: EventSourcingModuleOptions): EventStore =>
          withEventTypeRegistry(createEventStore(o.url, { schema: o.schema }), o.registry),
      },
      CommandExecutor,
      EventStoreLifecycle,
      readinessCheck('event-store', [EVENT_STORE], (store: EventStore) => eventStoreCheck(store)),
    ];
    return {
      module: EventSourcingModule,
      global: true,
      imports: options.imports ?? [],
      providers,
      exports: [EVENT_STORE, EventTypeRegistry, CommandExecutor, EVENT_SOURCING_OPTIONS],
    };
  }
}
