import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../event-store.port';

/**
 * Closes the event store (its pool or client) last: projection runners stop in onModuleDestroy
 * and the relay in beforeApplicationShutdown, both before this runs.
 */
@Injectable()
export class EventStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.eventStore.close();
  }
}
