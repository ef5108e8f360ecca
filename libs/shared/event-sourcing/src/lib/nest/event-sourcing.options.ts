import type { ModuleMetadata } from '@nestjs/common';
import type { EventTypeRegistry } from '../event-type-registry';

export interface EventSourcingModuleOptions {
  /** EVENT_STORE_URL: `postgres://…` (the default adapter) or `esdb://…`. */
  url: string;
  /** PostgreSQL only: the service schema holding the event store tables (run the migrations first). */
  schema?: string;
  /** The service's persisted event types; every read is upcast and every append stamped through it. */
  registry: EventTypeRegistry;
  /** Reload-and-decide-again rounds after a concurrency conflict (handleCommand's default: 3). */
  maxRetries?: number;
  /** How many streams' states CommandExecutor keeps after writing them (default 10 000; 0: none). */
  recentStreams?: number;
}

export interface EventSourcingModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Nest's own factory typing
  inject?: any[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Nest's own factory typing
  useFactory: (...args: any[]) => EventSourcingModuleOptions | Promise<EventSourcingModuleOptions>;
}

export const EVENT_SOURCING_OPTIONS = Symbol('EVENT_SOURCING_OPTIONS');
