import { randomBytes } from 'node:crypto';
import { connect, type NatsConnection } from 'nats';

export const TEST_NATS_URL = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';

export interface TestNats {
  /**
   * A namespace unique to this test run. Pass it as the messaging `namespace` option: stream
   * names get `<NS>_` in front (`T1A2B_CRM`) and subjects `<ns>.` (`t1a2b.crm.customer.won`),
   * so tests never share a stream or a durable consumer.
   */
  readonly namespace: string;
  readonly url: string;
  readonly nc: NatsConnection;
  /** Deletes every stream of this namespace and closes the connection. */
  cleanup(): Promise<void>;
}

export async function createTestNats(): Promise<TestNats> {
  const namespace = `t${randomBytes(4).toString('hex')}`;
  const nc = await connect({ servers: TEST_NATS_URL, name: `test-${namespace}` });
  return {
    namespace,
    url: TEST_NATS_URL,
    nc,
    async cleanup() {
      const jsm = await nc.jetstreamManager();
      const prefix = `${namespace.toUpperCase()}_`;
      for await (const stream of jsm.streams.list()) {
        if (stream.config.name.startsWith(prefix)) await jsm.streams.delete(stream.config.name);
      }
      await nc.drain();
    },
  };
}
