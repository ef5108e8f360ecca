import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdempotencyModule, idempotencyMigrations } from '@switchboard/idempotency';
import { ALL_ROUTES, BaseConfig } from '@switchboard/observability';
import { SimulatorAdminHttpController } from './admin/simulator-admin.http.controller';
import { SimulatorConfig } from './config/simulator.config';
import { FaultInjectionMiddleware } from './faults/fault-injection.middleware';
import { FaultState } from './faults/fault-state';
import { SIMULATOR_KIT_OPTIONS, type SimulatorKitOptions } from './simulator-kit.options';
import { WebhookDelivery } from './webhooks/webhook-delivery.entity';
import { WebhookDeliveryWorker } from './webhooks/webhook-delivery.worker';
import { AddWebhookSubscriptionEventTypes1769000000001, CreateWebhookOutbox1769000000000 } from './webhooks/webhook-outbox.migration';
import { WebhookOutbox } from './webhooks/webhook-outbox';
import { WebhookSubscription } from './webhooks/webhook-subscription.entity';
import { WebhookSubscriptionsHttpController } from './webhooks/webhook-subscriptions.http.controller';

/** Add to the simulator's DataSource entities. */
export const simulatorKitEntities = [WebhookDelivery, WebhookSubscription];

/** Run before the simulator's own migrations: idempotency keys, webhook subscriptions and outbox. */
export const simulatorKitMigrations = [...idempotencyMigrations, CreateWebhookOutbox1769000000000, AddWebhookSubscriptionEventTypes1769000000001];

/**
 * What both simulators share, next to ObservabilityModule and TypeOrmModule in their app module:
 * `Idempotency-Key` on every POST, fault injection on the non-admin API with its admin endpoints,
 * `POST /admin/reset`, webhook subscriptions and the webhook outbox with its delivery worker.
 * The app's config class must extend SimulatorConfig.
 */
@Module({})
export class SimulatorKitModule implements NestModule {
  static forRoot(options: SimulatorKitOptions): DynamicModule {
    return {
      module: SimulatorKitModule,
      global: true,
      imports: [TypeOrmModule.forFeature(simulatorKitEntities), IdempotencyModule.forRoot()],
      controllers: [SimulatorAdminHttpController, WebhookSubscriptionsHttpController],
      providers: [
        { provide: SIMULATOR_KIT_OPTIONS, useValue: options },
        // ObservabilityModule registers the app's config class as BaseConfig; here it is known as what it extends.
        { provide: SimulatorConfig, useExisting: BaseConfig },
        FaultState,
        WebhookDeliveryWorker,
        WebhookOutbox,
      ],
      exports: [WebhookOutbox, SimulatorConfig],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(FaultInjectionMiddleware).forRoutes(ALL_ROUTES);
  }
}
