import { ConsumerEvents, type ConsumerMessages, type JsMsg } from 'nats';
import type { IntegrationEvent } from '@switchboard/contracts';
import { decodeIntegrationEvent } from '../codec/cloud-event-codec';
import type { JetStreamConnection } from '../connection/jetstream-connection';
import type { DeadLetterReason } from '../dead-letters/dead-letter-headers';
import { publishDeadLetter } from '../dead-letters/dead-letterer';
import type { MessagingLogger } from '../messaging-logger';
import { provisionConsumer, type ConsumerDeclaration, type ProvisionedConsumer } from '../provisioning/consumer-provisioning';
import type { ConsumedMessageHandler } from './consumed-message';
import { errorMessage } from './error-message';
import { retryDelayMs } from './retry-delay';

export interface ConsumerLoopOptions {
  connection: JetStreamConnection;
  /** What to consume; re-provisioned when the consumer disappears (e.g. a server that lost its state). */
  declaration: ConsumerDeclaration;
  handle: ConsumedMessageHandler;
  /**
   * Messages pulled ahead (default 32). Their ack-wait timers run while they wait in the buffer,
   * so batchSize × handler time must stay well below ackWaitMs.
   */
  batchSize?: number;
  /** Pull request lifetime; nats-server 2.9 needs >= 1000 ms. */
  expiresMs?: number;
  /** Pause before the loop re-establishes itself after a failure. */
  restartDelayMs?: number;
  logger?: MessagingLogger;
}

/**
 * Runs one durable pull consumer: decode → handle → ACK only after the handler resolved (its
 * transaction committed); NAK with backoff on failure; dead-letter and TERM after the last
 * allowed delivery, and at once for a payload that is not an integration event.
 *
 * Messages are handled one at a time, in stream order, so events of one aggregate are applied
 * in order. A NAKed message is redelivered after its delay and may then be overtaken by later
 * ones; a consumer that must not see that sets `maxAckPending: 1`.
 *
 * The loop re-establishes itself: nats.js re-pulls after a reconnect and after missed
 * heartbeats; if the consumer or stream vanished, or the iterator failed, the loop provisions
 * the consumer again and resumes.
 */
export class ConsumerLoop {
  private stopping = false;
  private messages?: ConsumerMessages;
  private running?: Promise<void>;
  private consumer?: ProvisionedConsumer;
  private readonly logger: MessagingLogger;

  constructor(private readonly options: ConsumerLoopOptions) {
    this.logger = options.logger ?? options.connection.logger;
  }

  get name(): string {
    return this.consumer?.name ?? this.options.declaration.handler;
  }

  private get provisioned(): ProvisionedConsumer {
    if (!this.consumer) throw new Error(`consumer ${this.name} is not started`);
    return this.consumer;
  }

  /** Provisions the consumer (idempotent) and starts pulling in the background. */
  async start(): Promise<ProvisionedConsumer> {
    this.consumer = await provisionConsumer(this.options.connection, this.options.declaration);
    this.running = this.run();
    return this.consumer;
  }

  /** Stops pulling, lets the message being handled finish, and resolves once its ack reached the server. */
  async stop(): Promise<void> {
    this.stopping = true;
    void this.messages?.close();
    await this.running;
    if (!this.options.connection.isClosed) await this.options.connection.nc.flush();
  }

  private async run(): Promise<void> {
    const { connection } = this.options;
    while (!this.stopping) {
      try {
        const consumer = this.provisioned;
        const pull = await connection.js.consumers.get(consumer.stream, consumer.name);
        this.messages = await pull.consume({
          max_messages: this.options.batchSize ?? 32,
          expires: Math.max(this.options.expiresMs ?? 5_000, 1_000),
        });
        // Not awaited: close() settles only once the loop below drains the iterator.
        if (this.stopping) void this.messages.close();
        void this.watch(this.messages);
        for await (const msg of this.messages) {
          // Pulled but not started before stop: hand it back for another replica right away.
          if (this.stopping) msg.nak();
          else await this.process(msg);
        }
      } catch (error) {
        if (this.stopping) break;
        this.logger.error(`consumer ${this.name} failed, restarting: ${String(error)}`, (error as Error)?.stack);
      }
      if (this.stopping) break;
      await sleep(this.options.restartDelayMs ?? 1_000);
      await this.reprovision();
    }
  }

  /** Heartbeats and missing resources: nats.js recovers from the first, we from the second. */
  private async watch(messages: ConsumerMessages): Promise<void> {
    for await (const status of await messages.status()) {
      switch (status.type) {
        case ConsumerEvents.HeartbeatsMissed:
          this.logger.warn(`consumer ${this.name}: ${String(status.data)} heartbeats missed, re-pulling`);
          break;
        case ConsumerEvents.ConsumerDeleted:
        case ConsumerEvents.ConsumerNotFound:
        case ConsumerEvents.StreamNotFound:
          this.logger.warn(`consumer ${this.name}: ${status.type}, provisioning it again`);
          await messages.close();
          break;
      }
    }
  }

  private async reprovision(): Promise<void> {
    if (this.stopping) return;
    try {
      this.consumer = await provisionConsumer(this.options.connection, this.options.declaration);
    } catch (error) {
      this.logger.error(`consumer ${this.name} could not be provisioned: ${String(error)}`);
    }
  }

  private async process(msg: JsMsg): Promise<void> {
    const { connection, handle } = this.options;
    const consumer = this.provisioned;
    const { maxDeliver, backoffMs, ackWaitMs } = consumer.settings;
    const deliveryCount = msg.info.redeliveryCount;

    const decoded = decode(msg);
    if (!decoded.ok) return this.deadLetter(msg, 'undecodable', decoded.error);
    if (deliveryCount > maxDeliver) {
      return this.deadLetter(msg, 'max-deliveries-exceeded', `delivered ${deliveryCount} times without an outcome (max ${maxDeliver})`);
    }
    // Long handlers keep the message: tell the server we are working before ack_wait runs out.
    const keepAlive = setInterval(() => msg.working(), Math.max(ackWaitMs / 2, 100));
    try {
      await handle({
        event: decoded.event,
        subject: connection.namespace.unwrapSubject(msg.subject),
        deliveryCount,
        consumer: consumer.name,
        stream: msg.info.stream,
        streamSequence: msg.info.streamSequence,
        msg,
      });
      msg.ack();
    } catch (error) {
      const message = errorMessage(error);
      if (deliveryCount >= maxDeliver) return this.deadLetter(msg, 'handler-failed', message);
      const delay = retryDelayMs(deliveryCount, backoffMs);
      this.logger.warn(
        `consumer ${consumer.name}: ${decoded.event.type} ${decoded.event.id} failed on delivery ${deliveryCount}/${maxDeliver}, retrying in ${delay} ms: ${message}`,
      );
      msg.nak(delay);
    } finally {
      clearInterval(keepAlive);
    }
  }

  private async deadLetter(msg: JsMsg, reason: DeadLetterReason, error: string): Promise<void> {
    const consumer = this.provisioned;
    try {
      const ack = await publishDeadLetter(this.options.connection, msg, {
        service: this.options.declaration.service,
        consumer: consumer.name,
        reason,
        error,
      });
      // No TERM reason: nats-server 2.9 does not parse `+TERM <reason>`.
      msg.term();
      this.logger.error(
        `consumer ${consumer.name}: message ${msg.info.stream}#${msg.info.streamSequence} dead-lettered (${reason}) as ${ack.stream}#${ack.seq}: ${error}`,
      );
    } catch (publishError) {
      // Keep the original: the next delivery exceeds max deliver and is dead-lettered again.
      this.logger.error(`consumer ${consumer.name}: dead-lettering ${msg.info.stream}#${msg.info.streamSequence} failed: ${String(publishError)}`);
      msg.nak(retryDelayMs(msg.info.redeliveryCount, consumer.settings.backoffMs));
    }
  }
}

function decode(msg: JsMsg): { ok: true; event: IntegrationEvent } | { ok: false; error: string } {
  try {
    return { ok: true, event: decodeIntegrationEvent(msg.data) };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
