import { streamForSubject } from '@switchboard/contracts';
import { AckPolicy, DeliverPolicy, nanos, ReplayPolicy, type ConsumerConfig } from 'nats';
import type { JetStreamConnection } from '../connection/jetstream-connection';
import { isConsumerNotFound } from '../nats-errors';
import {
  assertNoImmutableChange,
  changedSettings,
  describeChange,
  ProvisioningError,
} from './changed-settings';
import type { ProvisioningResult } from './provisioning-result';

/** How one durable consumer behaves, from configuration or the handler's decorator. */
export interface ConsumerSettings {
  /** Time the server waits for an ack before redelivering (a crashed or stuck handler). */
  ackWaitMs: number;
  /**
   * Deliveries before the message is dead-lettered. Enforced by the consume loop, not the server
   * (whose max_deliver stays unlimited): the server would stop redelivering after its last
   * delivery, so a message whose dead-lettering failed (NATS hiccup) or whose handler crashed the
   * process every time would sit unacked forever; the loop dead-letters it on the next delivery.
   */
  maxDeliver: number;
  /**
   * NAK delays by delivery count (the last repeats). Applied by the loop with `nak(delay)` rather
   * than the server's BackOff: nats-server 2.9 sets ack_wait = backoff[0] when BackOff is set,
   * which would redeliver a slow handler's message while it is still being handled.
   */
  backoffMs: number[];
  /** `all` replays the stream for a new consumer; `new` starts at the end. Fixed once created. */
  deliverPolicy: 'all' | 'new';
  /**
   * Unacked messages the server lets the consumer hold (across all replicas). 1 makes the whole
   * consumer handle one message at a time, in stream order, even across replicas.
   */
  maxAckPending: number;
  /**
   * Handlers the consume loop runs at the same time, for messages of different ordering keys
   * (the CloudEvent subject, i.e. the aggregate id); one key's messages run one at a time, in
   * order. Applied by the loop, not the server; capped by maxAckPending.
   */
  concurrency: number;
  /**
   * What a failed message (NAKed for a retry) does to the later messages of its key, in this loop.
   * `false` (default): they go on, and the failed one is retried after its backoff: the choice for
   * handlers that refuse an event arriving before the one it depends on (an update before its
   * order's acceptance) and rely on the retry to put them in order. `true`: they wait until the
   * failed one is redelivered and handled or dead-lettered: strict per-key order, but a message
   * that can only succeed after a later one then blocks its key until it is dead-lettered.
   */
  holdKeyOnRetry: boolean;
}

export const DEFAULT_CONSUMER_SETTINGS: ConsumerSettings = {
  ackWaitMs: 30_000,
  maxDeliver: 5,
  backoffMs: [1_000, 5_000, 30_000, 60_000],
  deliverPolicy: 'all',
  maxAckPending: 1_000,
  concurrency: 16,
  holdKeyOnRetry: false,
};

export interface ConsumerDeclaration {
  /** Consuming service, e.g. `erp-adapter`. */
  service: string;
  /** Handler name within the service, e.g. `create-customer`. */
  handler: string;
  /** Un-namespaced subject or pattern, e.g. `crm.customer.won` or `order.>`. */
  filterSubject: string;
  settings?: Partial<ConsumerSettings>;
}

/** The provisioned consumer: where it lives and the settings the loop applies. */
export interface ProvisionedConsumer extends ProvisioningResult {
  readonly stream: string;
  readonly settings: ConsumerSettings;
}

/** `<service>__<handler>`: one durable per service and handler, shared by all its replicas. */
export function consumerName(service: string, handler: string): string {
  for (const [what, value] of [
    ['service', service],
    ['handler', handler],
  ] as const) {
    if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(value)) {
      throw new Error(`invalid ${what} name "${value}" for a consumer: use lower-case words joined by "-"`);
    }
  }
  return `${service}__${handler}`;
}

const IMMUTABLE: readonly (keyof ConsumerConfig)[] = [
  'deliver_policy',
  'ack_policy',
  'replay_policy',
  'filter_subject',
];

/**
 * Declares a durable pull consumer on the stream that holds its filter subject: created when
 * missing, updated (and logged) when a setting changed, untouched otherwise. A change the server
 * cannot make in place (deliver policy, filter subject) is a clear error.
 */
export async function provisionConsumer(
  connection: JetStreamConnection,
  declaration: ConsumerDeclaration,
): Promise<ProvisionedConsumer> {
  const settings = { ...DEFAULT_CONSUMER_SETTINGS, ...declaration.settings };
  const stream = connection.namespace.stream(streamForSubject(declaration.filterSubject).name);
  const desired = desiredConsumerConfig(connection, declaration, settings);
  const name = desired.durable_name;
  const { jsm, logger } = connection;

  const existing = await jsm.consumers.info(stream, name).catch((error: unknown) => {
    if (isConsumerNotFound(error)) return undefined;
    throw error;
  });
  if (!existing) {
    await jsm.consumers.add(stream, desired);
    logger.log(`consumer ${stream}/${name} created on ${desired.filter_subject}`);
    return { name, stream, settings, action: 'created', changed: [] };
  }
  const changed = changedSettings(desired, existing.config);
  if (changed.length === 0) return { name, stream, settings, action: 'unchanged', changed };
  const describe = (key: string) =>
    describeChange(key, existing.config[key as keyof ConsumerConfig], desired[key as keyof ConsumerConfig]);
  assertNoImmutableChange('consumer', `${stream}/${name}`, changed, IMMUTABLE, describe);
  try {
    await jsm.consumers.update(stream, name, Object.fromEntries(changed.map((key) => [key, desired[key]])));
  } catch (error) {
    throw new ProvisioningError(
      `consumer "${stream}/${name}" could not be updated (${changed.join(', ')}): ${String(error)}`,
    );
  }
  logger.warn(`consumer ${stream}/${name} updated: ${changed.map(describe).join(', ')}`);
  return { name, stream, settings, action: 'updated', changed };
}

export function desiredConsumerConfig(
  connection: JetStreamConnection,
  declaration: ConsumerDeclaration,
  settings: ConsumerSettings,
): Partial<ConsumerConfig> & { durable_name: string } {
  return {
    durable_name: consumerName(declaration.service, declaration.handler),
    description: `${declaration.service}: ${declaration.filterSubject} → ${declaration.handler}`,
    filter_subject: connection.namespace.subject(declaration.filterSubject),
    ack_policy: AckPolicy.Explicit,
    ack_wait: nanos(settings.ackWaitMs),
    max_deliver: -1,
    max_ack_pending: settings.maxAckPending,
    deliver_policy: settings.deliverPolicy === 'all' ? DeliverPolicy.All : DeliverPolicy.New,
    replay_policy: ReplayPolicy.Instant,
  };
}
