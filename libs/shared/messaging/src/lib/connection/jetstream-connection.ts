import {
  connect,
  DebugEvents,
  Events,
  type ConnectionOptions,
  type JetStreamClient,
  type JetStreamManager,
  type NatsConnection,
} from 'nats';
import { consoleMessagingLogger, type MessagingLogger } from '../messaging-logger';
import { Namespace } from './namespace';

export interface JetStreamConnectOptions {
  /** NATS server URL(s), e.g. `nats://127.0.0.1:4222`. */
  servers: string | string[];
  /** Connection name shown in the server's monitoring (use the service name). */
  name?: string;
  /** Wire-name prefix for isolation (tests); omit in production. */
  namespace?: string;
  logger?: MessagingLogger;
  /** Extra nats.js options (credentials, TLS...); reconnect behaviour is fixed below. */
  natsOptions?: Partial<ConnectionOptions>;
}

export interface JetStreamConnectionOptions {
  namespace?: string;
  logger?: MessagingLogger;
  /** Whether close() closes the NATS connection too (true when this object opened it). */
  ownsConnection?: boolean;
}

/**
 * A NATS connection with its JetStream client and manager and the namespace every wire name goes
 * through. One per process; the publisher, provisioning, the transport and DLQ tooling share it.
 */
export class JetStreamConnection {
  readonly js: JetStreamClient;
  readonly namespace: Namespace;
  readonly logger: MessagingLogger;
  private readonly ownsConnection: boolean;

  private constructor(
    readonly nc: NatsConnection,
    readonly jsm: JetStreamManager,
    options: JetStreamConnectionOptions,
  ) {
    this.js = nc.jetstream();
    this.namespace = new Namespace(options.namespace);
    this.logger = options.logger ?? consoleMessagingLogger;
    this.ownsConnection = options.ownsConnection ?? false;
  }

  /**
   * Connects and keeps reconnecting forever: a consumer or relay must outlive a NATS restart,
   * and a service may start before NATS does (waitOnFirstConnect).
   */
  static async connect(options: JetStreamConnectOptions): Promise<JetStreamConnection> {
    const nc = await connect({
      ...options.natsOptions,
      servers: options.servers,
      name: options.name,
      maxReconnectAttempts: -1,
      reconnectTimeWait: options.natsOptions?.reconnectTimeWait ?? 500,
      waitOnFirstConnect: true,
      // nats.js captures two stack traces per request (every JetStream publish) for a timeout's
      // message; a timeout still says what timed out without them, and the captures were about 2 %
      // of the order service's V8 profile in the flow bench.
      noAsyncTraces: options.natsOptions?.noAsyncTraces ?? true,
    });
    return JetStreamConnection.wrap(nc, { ...options, ownsConnection: true });
  }

  /** Uses a connection opened elsewhere (e.g. by a test fixture); close() leaves it open. */
  static async wrap(nc: NatsConnection, options: JetStreamConnectionOptions = {}): Promise<JetStreamConnection> {
    const connection = new JetStreamConnection(nc, await nc.jetstreamManager(), options);
    void connection.logStatus();
    return connection;
  }

  get isClosed(): boolean {
    return this.nc.isClosed();
  }

  /** Flushes pending publishes and acks, then closes (only if this object opened the connection). */
  async close(): Promise<void> {
    if (!this.ownsConnection) return;
    if (!this.nc.isClosed()) await this.nc.drain();
  }

  private async logStatus(): Promise<void> {
    const server = () => this.nc.getServer();
    for await (const status of this.nc.status()) {
      switch (status.type) {
        case Events.Disconnect:
          this.logger.warn(`NATS disconnected from ${server()}`);
          break;
        case Events.Reconnect:
          this.logger.log(`NATS reconnected to ${server()}`);
          break;
        case Events.Error:
          this.logger.error(`NATS error: ${String(status.data)}`);
          break;
        case DebugEvents.Reconnecting:
        case DebugEvents.PingTimer:
          break;
        default:
          this.logger.log(`NATS ${status.type}${status.data ? `: ${JSON.stringify(status.data)}` : ''}`);
      }
    }
  }
}
