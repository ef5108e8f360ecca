import { CRM_STREAM } from '@switchboard/contracts';
import { comparePositions } from '@switchboard/event-sourcing';
import { quietLogger, waitFor } from '@switchboard/testing';
import { IntegrationEventRelay, provisionStreams, type IntegrationEventRelayOptions } from '../src';
import {
  appendCustomers,
  checkpointOf,
  consumeAll,
  createRelayTestEnv,
  crmMapper,
  RELAY_PROCESSOR,
  storedCount,
  storedMessages,
  type RelayTestEnv,
} from './support/relay-env';
import { RecordingLogger } from './support/recording-logger';

describe('IntegrationEventRelay', () => {
  let env: RelayTestEnv;
  const relays: IntegrationEventRelay[] = [];

  const relay = (options: Partial<IntegrationEventRelayOptions> = {}) => {
    const created = new IntegrationEventRelay({
      service: 'crm',
      processorId: RELAY_PROCESSOR,
      eventStore: env.eventStore,
      checkpoints: env.checkpoints,
      connection: env.connection,
      map: crmMapper,
      logger: quietLogger,
      ...options,
    });
    relays.push(created);
    return created;
  };
  const caughtUp = async (r: IntegrationEventRelay) => (await r.status()).caughtUp;

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
    await env.close();
  });

  describe('with the CRM stream provisioned', () => {
    beforeEach(async () => {
      env = await createRelayTestEnv();
    });

    it('publishes every public event once as a CloudEvent with the domain event id, and skips private ones', async () => {
      const ids = await appendCustomers(env, 50);
      const r = relay();

      r.start();
      await waitFor(() => caughtUp(r), { what: 'the relay to catch up' });

      const stored = await storedMessages(env);
      expect(stored.map((m) => m.id).sort()).toEqual([...ids].sort());
      const [first] = stored;
      const customer = (first.body['data'] as { customer: string }).customer;
      expect(first.subject).toBe(`${env.nats.namespace}.crm.customer.won`);
      expect(first.body).toMatchObject({
        specversion: '1.0',
        source: '/crm',
        type: 'switchboard.crm.customer.won.v1',
        subject: customer,
        correlationid: `corr-${customer}`,
        sequence: '00000000000000000000',
      });
      expect(await checkpointOf(env)).toEqual((await env.eventStore.headPosition())!);
      expect(await consumeAll(env)).toHaveLength(50);
    });

    it('follows live appends after catching up', async () => {
      const r = relay();
      r.start();
      await waitFor(() => caughtUp(r), { what: 'the relay to start' });

      const ids = await appendCustomers(env, 30, { parallel: 3 });

      await waitFor(async () => (await storedCount(env)) === 30, { what: 'the live events in JetStream' });
      expect((await storedMessages(env)).map((m) => m.id).sort()).toEqual([...ids].sort());
    });

    it('resumes after a restart from its checkpoint, publishing only what came after it', async () => {
      await appendCustomers(env, 20, { prefix: 'a' });
      const first = relay();
      first.start();
      await waitFor(() => caughtUp(first), { what: 'the first run to catch up' });
      await first.stop();
      const stoppedAt = await checkpointOf(env);

      const later = await appendCustomers(env, 15, { prefix: 'b' });
      const second = relay();
      second.start();
      await waitFor(() => caughtUp(second), { what: 'the second run to catch up' });

      expect((await second.status()).published).toBe(later.length);
      expect(comparePositions((await checkpointOf(env))!, stoppedAt!)).toBeGreaterThan(0);
      expect(await storedCount(env)).toBe(35);
    });

    it('relays from one replica at a time: the others stand by and take over when its lease ends', async () => {
      const lease = { ttlMs: 600 };
      const leader = relay({ lease });
      leader.start();
      await waitFor(async () => (await leader.status()).state === 'running' && caughtUp(leader), { what: 'the leader to run' });
      const standby = relay({ lease });
      standby.start();
      await waitFor(async () => (await standby.status()).state === 'standby', { what: 'the second replica to stand by' });

      await appendCustomers(env, 20, { prefix: 'a' });
      await waitFor(async () => (await storedCount(env)) === 20, { what: 'the leader to publish' });
      expect((await leader.status()).published).toBe(20);
      expect((await standby.status()).published).toBe(0);

      await leader.stop(); // releases the lease
      await appendCustomers(env, 10, { prefix: 'b' });
      await waitFor(async () => (await storedCount(env)) === 30, { what: 'the standby to take over' });
      expect((await standby.status()).state).toBe('running');
      expect((await standby.status()).published).toBe(10);
    });

    it('keeps the order of each aggregate\'s events, with their stream revision as sequence', async () => {
      for (let revision = 0n; revision < 40n; revision++) {
        await env.eventStore.appendToStream(
          'customer-solo',
          [{ type: 'CustomerWon', data: { n: Number(revision) } }],
          { expectedRevision: revision === 0n ? 'no_stream' : revision - 1n },
        );
      }
      const r = relay({ maxInFlight: 8 });
      r.start();
      await waitFor(() => caughtUp(r), { what: 'the relay to catch up' });

      const sequences = (await storedMessages(env)).map((m) => Number(m.body['sequence']));
      expect(sequences).toEqual(Array.from({ length: 40 }, (_, i) => i));
    });
  });

  it('backs off and resubscribes from its checkpoint while publishing fails, then publishes everything once', async () => {
    env = await createRelayTestEnv({ provision: false });
    const ids = await appendCustomers(env, 10);
    const logger = new RecordingLogger();
    const r = relay({ logger, retryDelay: { initialMs: 20, maxMs: 100 }, publishTimeoutMs: 1_000 });

    r.start();
    await waitFor(() => logger.lines.filter((line) => line.startsWith('error')).length >= 2, { what: 'failed attempts' });
    expect((await r.status()).lastError).toBeDefined();
    expect(await checkpointOf(env)).toBeNull();

    await provisionStreams(env.connection, { streams: [CRM_STREAM] });
    await waitFor(() => caughtUp(r), { what: 'the relay to recover' });

    expect((await storedMessages(env)).map((m) => m.id).sort()).toEqual([...ids].sort());
    expect((await r.status()).lastError).toBeUndefined();
  });
});
