import { ConsumerEvents, type ConsumerMessages, type JsMsg } from 'nats';
import type { IntegrationEvent } from '@switchboard/contracts';
import { decodeIntegrationEvent, EventHeaders } from '../codec/cloud-event-codec';
import type { JetStreamConnection } from '../connection/jetstream-connection';
import type { DeadLetterReason } from '../dead-letters/dead-letter-headers';
import { publishDeadLetter } from '../dead-letters/dead-letterer';
import type { MessagingLogger } from '../messaging-logger';
import {
  provisionConsumer,
  type ConsumerDeclaration,
  type ProvisionedConsumer,
} from '../provisioning/consumer-provisioning';
import { AckBatch } from './ack-batch';
import type { ConsumedMessageHandler } from './consumed-message';
import { errorMessage } from './error-message';
import { KeyedLanes, type LaneHold, type LaneItem } from './keyed-lanes';
import { retryDelayMs } from './retry-delay';

export interface ConsumerLoopOptions {
  connection: JetStreamConnection;
  /** What to consume; re-provisioned when the consumer disappears (e.g. a server that lost its state). */
  declaration: ConsumerDeclaration;
  handle: ConsumedMessageHandler;
  /** Messages per pull request (default 32, at least the concurrency). */
  batchSize?: number;
  /** Pull request lifetime; nats-server 2.9 needs >= 1000 ms. */
  expiresMs?: number;
  /** Pause before the loop re-establishes itself after a failure. */
  restartDelayMs?: number;
  logger?: MessagingLogger;
}

/** A pulled message in its ordering lane. */
interface LaneMessage extends LaneItem {
  readonly msg: JsMsg;
}

/**
 * Runs one durable pull consumer: decode → handle → ACK only after the handler resolved (its
 * transaction committed); NAK with backoff on failure; dead-letter and TERM after the last
 * allowed delivery, and at once for a payload that is not an integration event.
 *
 * Concurrency and order: up to `settings.concurrency` handlers run at the same time (capped by
 * maxAckPending), each for a different ordering key: the CloudEvent subject (`ce-subject`
 * header, the aggregate id), or the NATS subject when the header is absent. Within one loop:
 * - messages of one key are handled one at a time, in stream order;
 * - a message whose handler failed is NAKed with its backoff delay. By default later messages of
 *   its key go on (a handler that refused an early event gets it again after the one it waited
 *   for). With `holdKeyOnRetry` its key is held instead: later messages of that key (already
 *   pulled or pulled meanwhile) wait, unNAKed, until the failed message is redelivered to this
 *   loop and handled (or dead-lettered), so it is never overtaken. Waiting messages do not count
 *   as deliveries. If the redelivery does not come back within `ackWaitMs` after it was due
 *   (another replica took it), the key is released.
 * - Every pulled message, running or waiting, is kept alive with WPI (`working`) every
 *   ackWaitMs/2, so waiting does not make the server redeliver it.
 * Across replicas of a service (one durable consumer, several loops) messages of one key may be
 * handled concurrently and out of order; `maxAckPending: 1` gives strict order for the whole
 * consumer. Handlers must be idempotent anyway (the inbox): delivery is at least once.
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
  private lanes?: KeyedLanes<LaneMessage>;
  private keepAlive?: ReturnType<typeof setInterval>;
  private readonly acks = new AckBatch();
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
    const { concurrency, maxAckPending, ackWaitMs } = this.consumer.settings;
    const lanes = new KeyedLanes<LaneMessage>({
      // More than maxAckPending could never be delivered at once.
      concurrency: Math.max(1, Math.min(concurrency, maxAckPending)),
      run: ({ msg }) => this.process(msg),
      onError: (error, { msg }) =>
        this.logger.error(
          `consumer ${this.name}: settling ${msg.info.stream}#${msg.info.streamSequence} failed: ${String(error)}`,
        ),
    });
    this.lanes = lanes;
    this.keepAlive = setInterval(
      () => {
        for (const { msg } of lanes.items()) msg.working();
        lanes.releaseExpired();
      },
      Math.max(ackWaitMs / 2, 100),
    );
    this.running = this.run(lanes);
    return this.consumer;
  }

  /**
   * Stops pulling, lets the handlers in flight finish, hands every message not started back to
   * the server (a held key's messages with the remaining retry delay, so they do not overtake
   * it elsewhere), and resolves once those acks/NAKs reached the server.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    const drained = this.lanes?.stop(({ msg }, hold) =>
      msg.nak(hold ? Math.max(hold.dueAt - Date.now(), 0) : undefined),
    );
    void this.messages?.close();
    await this.running;
    await drained;
    this.acks.flush();
    clearInterval(this.keepAlive);
    if (!this.options.connection.isClosed) await this.options.connection.nc.flush();
  }

  private async run(lanes: KeyedLanes<LaneMessage>): Promise<void> {
    const { connection } = this.options;
    while (!this.stopping) {
      try {
        const consumer = this.provisioned;
        const pull = await connection.js.consumers.get(consumer.stream, consumer.name);
        this.messages = await pull.consume({
          max_messages: Math.max(this.options.batchSize ?? 32, consumer.settings.concurrency),
          expires: Math.max(this.options.expiresMs ?? 5_000, 1_000),
        });
        // Not awaited: close() settles only once the loop below drains the iterator.
        if (this.stopping) void this.messages.close();
        void this.watch(this.messages);
        // Pulled messages go straight into their lanes (stopped lanes hand them back): the
        // server's maxAckPending bounds how many the loop holds.
        for await (const msg of this.messages)
          lanes.push({ key: this.orderingKey(msg), seq: msg.info.streamSequence, msg });
      } catch (error) {
        if (this.stopping) break;
        this.logger.error(
          `consumer ${this.name} failed, restarting: ${String(error)}`,
          (error as Error)?.stack,
        );
      }
      if (this.stopping) break;
      await sleep(this.options.restartDelayMs ?? 1_000);
      await this.reprovision();
    }
  }

  private orderingKey(msg: JsMsg): string {
    return (
      msg.headers?.get(EventHeaders.subject) || this.options.connection.namespace.unwrapSubject(msg.subject)
    );
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

  /** Handles one message and settles it; resolves with a hold when it was NAKed for a retry. */
  private async process(msg: JsMsg): Promise<LaneHold | void> {
    const { connection, handle } = this.options;
    const consumer = this.provisioned;
    const { maxDeliver, backoffMs } = consumer.settings;
    const deliveryCount = msg.info.redeliveryCount;

    const decoded = decode(msg);
    if (!decoded.ok) return this.deadLetter(msg, 'undecodable', decoded.error);
    if (deliveryCount > maxDeliver) {
      return this.deadLetter(
        msg,
        'max-deliveries-exceeded',
        `delivered ${deliveryCount} times without an outcome (max ${maxDeliver})`,
      );
    }
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
      this.acks.ack(msg);
    } catch (error) {
      const message = errorMessage(error);
      if (deliveryCount >= maxDeliver) return this.deadLetter(msg, 'handler-failed', message);
      const delay = retryDelayMs(deliveryCount, backoffMs);
      this.logger.warn(
        `consumer ${consumer.name}: ${decoded.event.type} ${decoded.event.id} failed on delivery ${deliveryCount}/${maxDeliver}, retrying in ${delay} ms: ${message}`,
      );
      return this.retryLater(msg, delay);
    }
  }

  private retryLater(msg: JsMsg, delayMs: number): LaneHold | void {
    msg.nak(delayMs);
    const { holdKeyOnRetry, ackWaitMs } = this.provisioned.settings;
    if (!holdKeyOnRetry) return;
    const dueAt = Date.now() + delayMs;
    return { seq: msg.info.streamSequence, dueAt, expiresAt: dueAt + ackWaitMs };
  }

  private async deadLetter(msg: JsMsg, reason: DeadLetterReason, error: string): Promise<LaneHold | void> {
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
      this.logger.error(
        `consumer ${consumer.name}: dead-lettering ${msg.info.stream}#${msg.info.streamSequence} failed: ${String(publishError)}`,
      );
      return this.retryLater(msg, retryDelayMs(msg.info.redeliveryCount, consumer.settings.backoffMs));
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
