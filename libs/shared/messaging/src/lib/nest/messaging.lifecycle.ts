import {
  Inject,
  Injectable,
  Optional,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { JetStreamConnection } from '../connection/jetstream-connection';
import { IntegrationEventRelay } from '../relay/integration-event-relay';

/**
 * Starts the relay once every module is up. On shutdown the relay stops first
 * (beforeApplicationShutdown: it writes its final checkpoint while the DataSource and event store
 * are still open, since those close in onApplicationShutdown); the JetStream transport's loops stop
 * next (Nest closes microservices before onApplicationShutdown); the shared connection drains last.
 */
@Injectable()
export class MessagingLifecycle
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  constructor(
    private readonly connection: JetStreamConnection,
    @Optional() @Inject(IntegrationEventRelay) private readonly relay: IntegrationEventRelay | null,
  ) {}

  onApplicationBootstrap(): void {
    this.relay?.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    // Drained directly: JetStreamConnection.close() also awaits its status logger, whose
    // nc.status() iterator nats.js 2.29 never ends, so that call would hang the shutdown.
    if (!this.connection.nc.isClosed()) await this.connection.nc.drain();
  }
}
