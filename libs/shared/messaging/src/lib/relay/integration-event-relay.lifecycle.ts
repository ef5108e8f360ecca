import {
  Inject,
  Injectable,
  type FactoryProvider,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { IntegrationEventRelay } from './integration-event-relay';

/**
 * Runs the relay with the Nest application: starts it once every module is initialised and, on
 * shutdown (enableShutdownHooks + SIGTERM), stops reading, waits for the publishes in flight
 * and writes the final checkpoint before the connections close.
 */
@Injectable()
export class IntegrationEventRelayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(IntegrationEventRelay) private readonly relay: IntegrationEventRelay) {}

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}

/**
 * The relay (injectable as `IntegrationEventRelay`, e.g. for health and metrics) and its
 * lifecycle, built by `useFactory` from the injected `inject` tokens.
 */
export function integrationEventRelayProviders(
  factory: Pick<FactoryProvider<IntegrationEventRelay | Promise<IntegrationEventRelay>>, 'useFactory' | 'inject'>,
): Provider[] {
  return [
    { provide: IntegrationEventRelay, useFactory: factory.useFactory, inject: factory.inject ?? [] },
    IntegrationEventRelayLifecycle,
  ];
}
