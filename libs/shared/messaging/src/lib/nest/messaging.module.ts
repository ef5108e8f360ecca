import { Logger, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { natsCheck, readinessCheck } from '@switchboard/observability';
import { JetStreamConnection } from '../connection/jetstream-connection';
import type { MessagingLogger } from '../messaging-logger';
import { provisionStreams } from '../provisioning/stream-provisioning';
import { IntegrationEventPublisher } from '../publishing/integration-event-publisher';
import { IntegrationEventRelay } from '../relay/integration-event-relay';
import { MessagingLifecycle } from './messaging.lifecycle';
import {
  MESSAGING_OPTIONS,
  type MessagingModuleAsyncOptions,
  type MessagingModuleOptions,
} from './messaging.options';

/**
 * A service's JetStream side: `MessagingModule.forRootAsync({ inject: [OrderConfig, EVENT_STORE,
 * DataSource], useFactory: (c, store, ds) => ({ ...messagingOptionsFrom(c), relay: { eventStore:
 * store, checkpoints: ds, map: orderToContracts } }) })`.
 *
 * Global: one JetStreamConnection per process (connected, streams provisioned, before the app
 * starts), an IntegrationEventPublisher, the relay when configured (started on bootstrap, stopped
 * on shutdown), a `nats` readiness check. `jetStreamServer(app)` builds the consuming transport on
 * the same connection.
 */
@Module({})
export class MessagingModule {
  static forRootAsync(options: MessagingModuleAsyncOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: MESSAGING_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory },
      {
        provide: JetStreamConnection,
        inject: [MESSAGING_OPTIONS],
        useFactory: async (o: MessagingModuleOptions) => {
          const connection = await JetStreamConnection.connect({
            servers: typeof o.servers === 'string' ? o.servers.split(',') : o.servers,
            name: o.service,
            namespace: o.namespace,
            logger: nestLogger('JetStream'),
            natsOptions: o.credentials,
          });
          if (o.streams !== false) await provisionStreams(connection, o.streams);
          return connection;
        },
      },
      {
        provide: IntegrationEventPublisher,
        inject: [JetStreamConnection],
        useFactory: (connection: JetStreamConnection) => new IntegrationEventPublisher(connection),
      },
      {
        provide: IntegrationEventRelay,
        inject: [MESSAGING_OPTIONS, JetStreamConnection],
        useFactory: (o: MessagingModuleOptions, connection: JetStreamConnection) =>
          o.relay
            ? new IntegrationEventRelay({
                lease: o.relayLease,
                ...o.relay,
                service: o.service,
                connection,
                logger: nestLogger('Relay'),
              })
            : null,
      },
      MessagingLifecycle,
      readinessCheck('nats', [JetStreamConnection], (connection: JetStreamConnection) =>
        natsCheck(connection.nc),
      ),
    ];
    return {
      module: MessagingModule,
      global: true,
      imports: options.imports ?? [],
      providers,
      exports: [MESSAGING_OPTIONS, JetStreamConnection, IntegrationEventPublisher, IntegrationEventRelay],
    };
  }
}

function nestLogger(context: string): MessagingLogger {
  const logger = new Logger(context);
  return {
    log: (m) => logger.log(m),
    warn: (m) => logger.warn(m),
    error: (m, trace) => logger.error(m, trace),
  };
}
