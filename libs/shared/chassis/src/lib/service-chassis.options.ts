import type { TypeOrmModule } from '@nestjs/typeorm';
import type { EventTypeRegistry } from '@switchboard/event-sourcing';
import type { IntegrationEventMapper } from '@switchboard/messaging';
import type { ServiceConfig } from '@switchboard/observability';
import type { ProjectionsModuleOptions } from '@switchboard/projections';

type ReadModelEntities = NonNullable<Parameters<typeof TypeOrmModule.forFeature>[0]>;

/** A relay mapper that needs the service's configuration (e.g. a public base URL it links to). */
export interface RelayFromConfig<C extends ServiceConfig> {
  fromConfig(config: C): IntegrationEventMapper;
}

/** What makes one service's chassis its own; everything else is the same in every service. */
export interface ServiceChassisOptions<C extends ServiceConfig> {
  /** The service's config class: validated from the environment, injected everywhere. */
  readonly config: new () => C;
  /** The read-model entities: the DataSource's entities, and injectable as repositories. */
  readonly entities: ReadModelEntities;
  /** The service's domain event types, for the event store to (up)cast through. */
  readonly eventTypes: EventTypeRegistry;
  /** The relay's domain → integration event mapper, fixed or built from the config. */
  readonly relay: IntegrationEventMapper | RelayFromConfig<C>;
  /** The projections fed from the service's own event store. */
  readonly projections: ProjectionsModuleOptions['projections'];
  /** Whether every POST honours an Idempotency-Key header (IdempotencyModule). */
  readonly idempotency: boolean;
}

/** The mapper the relay runs, for this configuration. */
export function relayMapper<C extends ServiceConfig>(
  relay: ServiceChassisOptions<C>['relay'],
  config: C,
): IntegrationEventMapper {
  return typeof relay === 'function' ? relay : relay.fromConfig(config);
}
