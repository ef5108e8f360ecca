import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { WebhookVerifier } from '../signature/webhook-verifier';
import type { WebhookHandler } from './webhook-handler';
import { WebhookInbox } from './webhook-inbox';
import { WebhookProcessor } from './webhook-processor';
import { WEBHOOK_MODULE_OPTIONS, type WebhookModuleOptions } from './webhook-processor.options';
import { WebhookReceiver } from './webhook-receiver';
import { DEFAULT_MAX_WEBHOOK_BYTES, WebhookTouchpoints, type WebhookTouchpointOptions } from './webhook-touchpoint';
import { WebhooksController } from './webhooks.controller';

const SOURCE = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * `WebhookModule.forRoot()` once in the app module (next to TypeOrmModule; add webhookMigrations),
 * then `WebhookModule.forFeature({ source, handler, secrets })` per external system: the adapter
 * writes only the handler.
 */
@Global()
@Module({})
export class WebhookModule {
  static forRoot(options: WebhookModuleOptions = {}): DynamicModule {
    const providers: Provider[] = [
      { provide: WEBHOOK_MODULE_OPTIONS, useValue: options },
      WebhookTouchpoints,
      { provide: WebhookInbox, inject: [getDataSourceToken(options.dataSourceName)], useFactory: (dataSource: DataSource) => new WebhookInbox(dataSource) },
      {
        provide: WebhookProcessor,
        inject: [WebhookInbox, WebhookTouchpoints],
        useFactory: (inbox: WebhookInbox, touchpoints: WebhookTouchpoints) => new WebhookProcessor(inbox, touchpoints, options.processor),
      },
      {
        provide: WebhookReceiver,
        inject: [WebhookTouchpoints, WebhookInbox, WebhookProcessor],
        useFactory: (touchpoints: WebhookTouchpoints, inbox: WebhookInbox, processor: WebhookProcessor) => new WebhookReceiver(touchpoints, inbox, processor),
      },
    ];
    return { module: WebhookModule, controllers: [WebhooksController], providers, exports: [WebhookTouchpoints, WebhookInbox, WebhookProcessor] };
  }

  static forFeature(options: WebhookTouchpointOptions): DynamicModule {
    if (!SOURCE.test(options.source)) throw new Error(`webhook source "${options.source}" must be lower-case letters, digits and dashes`);
    const registration: Provider = {
      provide: `WEBHOOK_TOUCHPOINT_${options.source}`,
      inject: [WebhookTouchpoints, options.handler, ...(options.inject ?? [])],
      useFactory: (touchpoints: WebhookTouchpoints, handler: WebhookHandler, ...dependencies: never[]) => {
        touchpoints.register({
          source: options.source,
          handler,
          verifier: new WebhookVerifier(options.secrets(...dependencies), { toleranceSeconds: options.toleranceSeconds }),
          maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_WEBHOOK_BYTES,
          defaultMode: options.defaultMode ?? 'async',
          ignoredTypes: new Set(options.ignoredTypes ?? []),
        });
        return options.source;
      },
    };
    return { module: WebhookFeatureModule, imports: options.imports ?? [], providers: [options.handler, registration] };
  }
}

/** The module of one touchpoint (a dynamic module per forFeature call). */
@Module({})
export class WebhookFeatureModule {}
