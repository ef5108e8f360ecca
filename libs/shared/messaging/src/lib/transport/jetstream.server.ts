import { Logger } from '@nestjs/common';
import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { DLQ_STREAM, findStreamForSubject } from '@switchboard/contracts';
import { Events, type NatsConnection } from 'nats';
import { lastValueFrom } from 'rxjs';
import { JetStreamConnection } from '../connection/jetstream-connection';
import type { ConsumedMessage } from '../consuming/consumed-message';
import { ConsumerLoop } from '../consuming/consumer-loop';
import type { ConsumerSettings } from '../provisioning/consumer-provisioning';
import { provisionStreams, type StreamProvisioningOptions } from '../provisioning/stream-provisioning';
import { JetStreamContext } from './jetstream.context';
import { defaultHandlerName, type JetStreamHandlerExtras } from './jetstream-handler-extras';

export const JETSTREAM_TRANSPORT = Symbol('JETSTREAM');

export interface JetStreamServerOptions {
  /** The consuming service: consumers are `<service>__<handler>`, dead letters go to `dlq.<service>`. */
  service: string;
  /** NATS URL(s) to connect to; or pass `connection`. */
  servers?: string | string[];
  /** A connection to share (the server then leaves it open on close). */
  connection?: JetStreamConnection;
  /** Wire-name prefix (tests); ignored when `connection` is given (it has its own). */
  namespace?: string;
  /** Stream declarations applied at start (the whole catalogue); `false` when another process owns them. */
  streams?: StreamProvisioningOptions | false;
  /** Consumer settings for every handler (over the library defaults). */
  consumerDefaults?: Partial<ConsumerSettings>;
  /** Settings for every handler from configuration (CONSUMER_*): they win over the decorator's. */
  consumerOverrides?: Partial<ConsumerSettings>;
  /** Per-handler settings from configuration, by handler name; they win over all of the above. */
  consumers?: Record<string, Partial<ConsumerSettings>>;
  /** Pull tuning; see ConsumerLoopOptions. */
  batchSize?: number;
  expiresMs?: number;
  restartDelayMs?: number;
}

type JetStreamStatus = 'connected' | 'disconnected' | 'reconnecting';

/**
 * Nest custom transport over JetStream durable pull consumers: every `@EventPattern(subject)`
 * gets its own durable consumer and consume loop (see ConsumerLoop for ack/nak/dead-letter and
 * ordering). The handler receives the decoded IntegrationEvent and a JetStreamContext; it is
 * acked only once its Promise or Observable completes.
 */
export class JetStreamServer extends Server<Record<string, (...args: unknown[]) => void>, JetStreamStatus> implements CustomTransportStrategy {
  override readonly transportId = JETSTREAM_TRANSPORT;
  protected override readonly logger = new Logger(JetStreamServer.name);
  private connection?: JetStreamConnection;
  private loops: ConsumerLoop[] = [];
  private readonly listeners = new Map<string, ((...args: unknown[]) => void)[]>();

  constructor(private readonly options: JetStreamServerOptions) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      await this.start();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** Stops pulling, waits for in-flight handlers to settle (ack/nak), then closes NATS if it opened it. */
  async close(): Promise<void> {
    const loops = this.loops;
    this.loops = [];
    await Promise.all(loops.map((loop) => loop.stop()));
    if (this.connection && this.connection !== this.options.connection) await this.connection.close();
    this.connection = undefined;
  }

  /** Listens to NATS connection events (`disconnect`, `reconnect`, `error`, ...). */
  on(event: string, callback: (...args: unknown[]) => void): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), callback]);
  }

  unwrap<T = NatsConnection>(): T {
    if (!this.connection) throw new Error('JetStreamServer is not listening: call listen() first');
    return this.connection.nc as T;
  }

  private async start(): Promise<void> {
    const { options } = this;
    const logger = { log: (m: string) => this.logger.log(m), warn: (m: string) => this.logger.warn(m), error: (m: string, t?: string) => this.logger.error(m, t) };
    this.connection =
      options.connection ??
      (await JetStreamConnection.connect({
        servers: options.servers ?? 'nats://127.0.0.1:4222',
        name: options.service,
        namespace: options.namespace,
        logger,
      }));
    this._status$.next('connected');
    void this.forwardStatus(this.connection.nc);
    if (options.streams !== false) await provisionStreams(this.connection, options.streams);

    for (const [pattern, handler] of this.messageHandlers) {
      this.loops.push(this.createLoop(this.connection, pattern, handler, logger));
    }
    await Promise.all(this.loops.map((loop) => loop.start()));
    this.logger.log(`JetStream transport for ${options.service} consuming ${[...this.messageHandlers.keys()].join(', ') || 'nothing'}`);
  }

  private createLoop(
    connection: JetStreamConnection,
    pattern: string,
    handler: MessageHandler,
    logger: JetStreamConnection['logger'],
  ): ConsumerLoop {
    if (!handler.isEventHandler) {
      throw new Error(`@MessagePattern('${pattern}') is not supported by the JetStream transport: use @EventPattern`);
    }
    const stream = findStreamForSubject(pattern);
    if (!stream || stream.name === DLQ_STREAM.name || !/^[a-z0-9.*>-]+$/.test(pattern)) {
      throw new Error(`@EventPattern('${pattern}') does not name a subject of a consumable stream (crm.*, order.*, erp.*, contract.*)`);
    }
    const extras = (handler.extras ?? {}) as JetStreamHandlerExtras;
    const handlerName = extras.handler ?? defaultHandlerName(pattern);
    return new ConsumerLoop({
      connection,
      declaration: {
        service: this.options.service,
        handler: handlerName,
        filterSubject: pattern,
        settings: {
          ...this.options.consumerDefaults,
          ...extras.consumer,
          ...this.options.consumerOverrides,
          ...this.options.consumers?.[handlerName],
        },
      },
      handle: (message) => this.invoke(handler, message),
      batchSize: this.options.batchSize,
      expiresMs: this.options.expiresMs,
      restartDelayMs: this.options.restartDelayMs,
      logger,
    });
  }

  /** Runs the handler (through Nest's processing hooks) and settles when its result completes. */
  private invoke(handler: MessageHandler, message: ConsumedMessage): Promise<void> {
    const context = new JetStreamContext([message]);
    return new Promise<void>((resolve, reject) => {
      const run = async () => {
        try {
          const result = await handler(message.event, context);
          await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
          resolve();
        } catch (error) {
          reject(error);
        } finally {
          this.onProcessingEndHook?.(this.transportId, context);
        }
      };
      Promise.resolve(this.onProcessingStartHook(this.transportId, context, run)).catch(reject);
    });
  }

  private async forwardStatus(nc: NatsConnection): Promise<void> {
    for await (const status of nc.status()) {
      if (status.type === Events.Disconnect) this._status$.next('disconnected');
      if (status.type === Events.Reconnect) this._status$.next('connected');
      if (status.type === 'reconnecting') this._status$.next('reconnecting');
      for (const listener of this.listeners.get(status.type) ?? []) listener(status.data);
    }
  }
}
