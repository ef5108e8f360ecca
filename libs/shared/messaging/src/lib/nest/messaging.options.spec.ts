import { messagingOptionsFrom, type MessagingConfig } from './messaging.options';

const config: MessagingConfig = { SERVICE_NAME: 'erp-adapter', NATS_URL: 'nats://nats:4222', NATS_STREAM_REPLICAS: 1, RELAY_LEASE_TTL_MS: 15_000 };

describe('messagingOptionsFrom', () => {
  it('overrides no consumer setting when no CONSUMER_* variable is set', () => {
    expect(messagingOptionsFrom(config).transport?.consumerOverrides).toEqual({});
  });

  it('turns the CONSUMER_* variables into settings that win over every handler’s own', () => {
    const options = messagingOptionsFrom({ ...config, CONSUMER_ACK_WAIT_MS: 5_000, CONSUMER_MAX_DELIVER: 3, CONSUMER_BACKOFF_MS: [200, 500] });
    expect(options.transport?.consumerOverrides).toEqual({ ackWaitMs: 5_000, maxDeliver: 3, backoffMs: [200, 500] });
  });
});
