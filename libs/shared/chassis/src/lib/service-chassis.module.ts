import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EVENT_STORE, EventSourcingModule, type EventStore } from '@switchboard/event-sourcing';
import { IdempotencyModule } from '@switchboard/idempotency';
import { MessagingModule, messagingOptionsFrom } from '@switchboard/messaging';
import {
  ObservabilityModule,
  postgresCheck,
  projectionLagCheck,
  readinessCheck,
  type ServiceConfig,
} from '@switchboard/observability';
import { ProjectionsModule, ProjectionsService, readModelDataSourceOptions } from '@switchboard/projections';
import { DataSource } from 'typeorm';
import { relayMapper, type ServiceChassisOptions } from './service-chassis.options';

/**
 * Everything a service's AppModule has in common, configured from its config class: observability,
 * CQRS, the read-model DataSource, the event store, messaging with the relay, projections,
 * optionally idempotency, and the postgres + projection-lag readiness checks. The service adds its
 * own controllers, providers and extra modules (e.g. webhooks) beside it.
 *
 * Nesting does not change shutdown: the modules with lifecycle hooks here are global, and Nest
 * runs global modules' hooks by phase regardless of where they are imported.
 */
@Module({})
export class ServiceChassisModule {
  static forRoot<C extends ServiceConfig>(options: ServiceChassisOptions<C>): DynamicModule {
    const { config, entities } = options;
    const features = TypeOrmModule.forFeature(entities);
    // Not global: re-exported so the service's handlers can inject IdempotencyStore.
    const idempotency = options.idempotency
      ? [IdempotencyModule.forRootAsync({ inject: [config], useFactory: (c: C) => ({ staleAfterMs: c.IDEMPOTENCY_STALE_AFTER_MS }) })]
      : [];
    return {
      module: ServiceChassisModule,
      imports: [
        ObservabilityModule.forRoot({ config }),
        CqrsModule.forRoot(),
        TypeOrmModule.forRootAsync({
          inject: [config],
          useFactory: (c: C) => readModelDataSourceOptions({ url: c.DATABASE_URL, schema: c.DB_SCHEMA, entities }),
        }),
        features,
        EventSourcingModule.forRootAsync({
          inject: [config],
          useFactory: (c: C) => ({ url: c.EVENT_STORE_URL, schema: c.DB_SCHEMA, registry: options.eventTypes }),
        }),
        MessagingModule.forRootAsync({
          inject: [config, EVENT_STORE, DataSource],
          useFactory: (c: C, eventStore: EventStore, dataSource: DataSource) => ({
            ...messagingOptionsFrom(c),
            relay: { eventStore, checkpoints: dataSource, map: relayMapper(options.relay, c) },
          }),
        }),
        ProjectionsModule.forRoot({ projections: options.projections }),
        ...idempotency,
      ],
      providers: [
        readinessCheck('postgres', [DataSource], (dataSource: DataSource) => postgresCheck(dataSource)),
        readinessCheck('projections', [ProjectionsService], (projections: ProjectionsService) =>
          projectionLagCheck(() => projections.statuses(), { maxLag: 1000 }),
        ),
      ],
      // The entities' repositories (@InjectRepository) are only visible through this re-export.
      exports: [features, ...idempotency],
    };
  }
}
