import type { ModuleMetadata } from '@nestjs/common';
import type { ConsumerSettings } from '../provisioning/consumer-provisioning';
import type { StreamProvisioningOptions } from '../provisioning/stream-provisioning';
import type { IntegrationEventRelayOptions } from '../relay/integration-event-relay';
import type { JetStreamServerOptions } from '../transport/jetstream.server';

export interface MessagingModuleOptions {
  /** The service: NATS connection name, relay source `/<service>`, consumers `<service>__<handler>`. */
  service: string;
  /** NATS_URL (comma-separated URLs are split). */
  servers: string | string[];
  /** Wire-name prefix isolating tests (NATS_NAMESPACE); absent in production. */
  namespace?: string;
  /** NATS_USER / NATS_PASSWORD: nats.js ignores credentials written into the URL. */
  credentials?: { user: string; pass: string };
  /** Streams declared at start (default: the whole catalogue); false when another process owns them. */
  streams?: StreamProvisioningOptions | false;
  /**
   * The relay from the service's own event store to JetStream; absent for a service that
   * publishes nothing. The connection and service name are filled in.
   */
  relay?: Omit<IntegrationEventRelayOptions, 'service' | 'connection' | 'logger'>;
  /** The relay's lease (RELAY_LEASE_TTL_MS), unless `relay.lease` says otherwise. */
  relayLease?: IntegrationEventRelayOptions['lease'];
  /** Settings of the JetStream transport that `jetStreamServer(app)` creates. */
  transport?: Pick<
    JetStreamServerOptions,
    'consumerDefaults' | 'consumerOverrides' | 'consumers' | 'batchSize' | 'expiresMs' | 'restartDelayMs'
  >;
}

export interface MessagingModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Nest's own factory typing
  inject?: any[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Nest's own factory typing
  useFactory: (...args: any[]) => MessagingModuleOptions | Promise<MessagingModuleOptions>;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

/** The settings every service reads from its ServiceConfig, as MessagingModule options. */
export interface MessagingConfig {
  SERVICE_NAME: string;
  NATS_URL: string;
  NATS_NAMESPACE?: string;
  NATS_USER?: string;
  NATS_PASSWORD?: string;
  NATS_STREAM_REPLICAS: number;
  RELAY_LEASE_TTL_MS: number;
  CONSUMER_ACK_WAIT_MS?: number;
  CONSUMER_MAX_DELIVER?: number;
  CONSUMER_BACKOFF_MS?: number[];
}

/**
 * `MessagingModule.forRootAsync({ useFactory: (c) => ({ ...messagingOptionsFrom(c), relay }) })`:
 * connection, credentials, namespace and stream replicas from the validated configuration.
 */
export function messagingOptionsFrom(config: MessagingConfig): MessagingModuleOptions {
  return {
    service: config.SERVICE_NAME,
    servers: config.NATS_URL,
    namespace: config.NATS_NAMESPACE,
    credentials: config.NATS_USER ? { user: config.NATS_USER, pass: config.NATS_PASSWORD ?? '' } : undefined,
    streams: { defaults: { replicas: config.NATS_STREAM_REPLICAS } },
    relayLease: { ttlMs: config.RELAY_LEASE_TTL_MS },
    transport: { consumerOverrides: consumerOverridesFrom(config) },
  };
}

/** The CONSUMER_* variables that are set, as consumer settings. */
function consumerOverridesFrom(config: MessagingConfig): Partial<ConsumerSettings> {
  const overrides: Partial<ConsumerSettings> = {};
  if (config.CONSUMER_ACK_WAIT_MS !== undefined) overrides.ackWaitMs = config.CONSUMER_ACK_WAIT_MS;
  if (config.CONSUMER_MAX_DELIVER !== undefined) overrides.maxDeliver = config.CONSUMER_MAX_DELIVER;
  if (config.CONSUMER_BACKOFF_MS !== undefined) overrides.backoffMs = config.CONSUMER_BACKOFF_MS;
  return overrides;
}
