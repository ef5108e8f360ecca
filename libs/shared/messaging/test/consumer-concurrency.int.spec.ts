import { Controller, Inject, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { IntegrationEvent } from '@switchboard/contracts';
import { createTestNats, waitFor, type TestNats } from '@switchboard/testing';
import {
  IntegrationEventPublisher,
  JetStreamConnection,
  JetStreamContext,
  JetStreamExceptionFilter,
  JetStreamServer,
  provisionStreams,
  type ConsumerSettings,
} from '../src';
import { anEvent } from './support/events';
import { RecordingLogger } from './support/recording-logger';

interface Step {
  step: number;
}

/** Records starts, overlaps and outcomes; `behave` decides how long a call works and whether it fails. */
class ConcurrencyProbe {
  inFlight = 0;
  maxInFlight = 0;
  readonly attempts: { aggregate: string; step: number; deliveryCount: number }[] = [];
  readonly handled: { aggregate: string; step: number; deliveryCount: number }[] = [];
  behave: (event: IntegrationEvent<Step>, deliveryCount: number) => { workMs: number; fail?: boolean } =
    () => ({ workMs: 0 });

  stepsOf(aggregate: string): number[] {
    return this.handled.filter((h) => h.aggregate === aggregate).map((h) => h.step);
  }
}

const PROBE = Symbol('probe');

@Controller()
class OrderedController {
  constructor(@Inject(PROBE) private readonly probe: ConcurrencyProbe) {}

  @EventPattern('crm.customer.changed', {
    handler: 'sync-customer',
    consumer: { backoffMs: [300], maxDeliver: 3, concurrency: 8 },
  })
  async onCustomerChanged(
    @Payload() event: IntegrationEvent<Step>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    const { probe } = this;
    const deliveryCount = context.getDeliveryCount();
    const record = { aggregate: event.subject, step: event.data.step, deliveryCount };
    probe.attempts.push(record);
    probe.maxInFlight = Math.max(probe.maxInFlight, ++probe.inFlight);
    try {
      const { workMs, fail } = probe.behave(event, deliveryCount);
      await new Promise((resolve) => setTimeout(resolve, workMs));
      if (fail) throw new Error(`step ${event.data.step} of ${event.subject} failed`);
      probe.handled.push(record);
    } finally {
      probe.inFlight--;
    }
  }
}

describe('JetStream transport concurrency with per-aggregate order', () => {
  let nats: TestNats;
  let connection: JetStreamConnection;
  let publisher: IntegrationEventPublisher;
  let probe: ConcurrencyProbe;
  let app: INestMicroservice | undefined;

  const consumerInfo = () =>
    connection.jsm.consumers.info(`${nats.namespace.toUpperCase()}_CRM`, 'erp-adapter__sync-customer');

  beforeEach(async () => {
    nats = await createTestNats();
    connection = await JetStreamConnection.wrap(nats.nc, {
      namespace: nats.namespace,
      logger: new RecordingLogger(),
    });
    await provisionStreams(connection);
    publisher = new IntegrationEventPublisher(connection);
    probe = new ConcurrencyProbe();
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
    await nats.cleanup();
  });

  async function start(consumerDefaults: Partial<ConsumerSettings> = {}): Promise<INestMicroservice> {
    @Module({ controllers: [OrderedController], providers: [{ provide: PROBE, useValue: probe }] })
    class AppModule {}
    const microservice = await NestFactory.createMicroservice(AppModule, {
      strategy: new JetStreamServer({
        service: 'erp-adapter',
        connection,
        streams: false,
        expiresMs: 1_000,
        consumerDefaults,
      }),
      logger: process.env['TEST_NEST_LOGS'] ? undefined : false,
    });
    microservice.useGlobalFilters(new JetStreamExceptionFilter());
    await microservice.listen();
    return microservice;
  }

  /** Publishes `steps` events for each aggregate, interleaved round by round (stream order = step order per aggregate). */
  async function publishInterleaved(aggregates: string[], steps: number): Promise<void> {
    for (let step = 0; step < steps; step++) {
      for (const aggregate of aggregates)
        await publisher.publish(anEvent<Step>('crm.customer.changed', aggregate, { step }));
    }
  }

  const range = (n: number) => Array.from({ length: n }, (_, i) => i);

  it('runs the handlers of different aggregates at the same time, up to the configured concurrency', async () => {
    probe.behave = () => ({ workMs: 300 });
    app = await start();

    await publishInterleaved(
      range(12).map((i) => `customer-${i}`),
      1,
    );

    await waitFor(() => probe.handled.length === 12, { what: 'all events to be handled' });
    expect(probe.maxInFlight).toBe(8);
  });

  it('handles the events of one aggregate one at a time, in order, while aggregates interleave', async () => {
    const aggregates = range(20).map((i) => `customer-${i}`);
    probe.behave = () => ({ workMs: Math.floor(Math.random() * 8) });
    app = await start();

    await publishInterleaved(aggregates, 15);

    await waitFor(() => probe.handled.length === 300, {
      timeoutMs: 30_000,
      what: 'all events to be handled',
    });
    for (const aggregate of aggregates) expect(probe.stepsOf(aggregate)).toEqual(range(15));
    expect(probe.maxInFlight).toBeGreaterThan(1);
    expect(probe.maxInFlight).toBeLessThanOrEqual(8);
    await waitFor(async () => (await consumerInfo()).num_ack_pending === 0, { what: 'every ack' });
  });

  it('with holdKeyOnRetry, does not let later events of an aggregate overtake one whose handler failed, nor count their wait as a delivery', async () => {
    const aggregates = range(10).map((i) => `customer-${i}`);
    const failsOnce = new Set(['customer-3:4', 'customer-7:0', 'customer-7:9']);
    probe.behave = (event, deliveryCount) => ({
      workMs: Math.floor(Math.random() * 8),
      fail: deliveryCount === 1 && failsOnce.has(`${event.subject}:${event.data.step}`),
    });
    app = await start({ holdKeyOnRetry: true });

    await publishInterleaved(aggregates, 12);

    await waitFor(() => probe.handled.length === 120, {
      timeoutMs: 30_000,
      what: 'all events to be handled',
    });
    for (const aggregate of aggregates) expect(probe.stepsOf(aggregate)).toEqual(range(12));
    const retried = probe.handled
      .filter((h) => h.deliveryCount > 1)
      .map((h) => `${h.aggregate}:${h.step}:${h.deliveryCount}`);
    expect(retried.sort()).toEqual(['customer-3:4:2', 'customer-7:0:2', 'customer-7:9:2']);
    expect(probe.attempts).toHaveLength(123);
    await waitFor(async () => (await consumerInfo()).num_ack_pending === 0, { what: 'every ack' });
  });

  it('by default lets later events of an aggregate pass one whose handler failed, which then succeeds on its retry', async () => {
    // Step 0 can only be handled after step 1 (an update that overtook the event it depends on).
    probe.behave = (event) => ({
      workMs: 0,
      fail: event.data.step === 0 && !probe.stepsOf('customer-1').includes(1),
    });
    app = await start();

    await publishInterleaved(['customer-1'], 2);

    await waitFor(() => probe.handled.length === 2, { timeoutMs: 10_000, what: 'both events to be handled' });
    expect(probe.stepsOf('customer-1')).toEqual([1, 0]);
  });

  it('waits for every handler in flight on close and acks them all', async () => {
    probe.behave = () => ({ workMs: 500 });
    app = await start();
    await publishInterleaved(
      range(6).map((i) => `customer-${i}`),
      1,
    );
    await waitFor(() => probe.attempts.length === 6, { what: 'the handlers to start' });

    await app.close();
    app = undefined;

    expect(probe.handled).toHaveLength(6);
    // The acks were flushed on close; the server moves its ack floor a moment later.
    await waitFor(async () => (await consumerInfo()).ack_floor.stream_seq === 6, { what: 'every ack' });
    expect((await consumerInfo()).num_ack_pending).toBe(0);
  });
});
