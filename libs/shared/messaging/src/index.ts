// Connection and naming
export * from './lib/messaging-logger';
export * from './lib/connection/namespace';
export * from './lib/connection/jetstream-connection';
// Provisioning
export * from './lib/provisioning/provisioning-result';
export { ProvisioningError } from './lib/provisioning/changed-settings';
export * from './lib/provisioning/stream-provisioning';
export * from './lib/provisioning/consumer-provisioning';
// CloudEvents codec and publishing
export * from './lib/codec/cloud-event-codec';
export * from './lib/publishing/integration-event-publisher';
// Consuming
export * from './lib/consuming/consumed-message';
export * from './lib/consuming/consumer-loop';
export * from './lib/consuming/retry-delay';
export * from './lib/consuming/echo-guard';
// Nest transport
export * from './lib/transport/jetstream.server';
export * from './lib/transport/jetstream.context';
export * from './lib/transport/jetstream-handler-extras';
export * from './lib/transport/jetstream-exception.filter';
// Dead letters
export * from './lib/dead-letters/dead-letter-headers';
export * from './lib/dead-letters/dead-letterer';
export * from './lib/dead-letters/dead-letter-queue';
// Inbox and relay (their own folders)
export * from './lib/inbox';
export * from './lib/relay';
// Nest chassis: the shared connection, publisher, relay and transport of a service
export * from './lib/nest';
