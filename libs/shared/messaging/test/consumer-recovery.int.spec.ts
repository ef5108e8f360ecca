import type { INestMicroservice } from '@nestjs/common';
import { waitFor } from '@switchboard/testing';
import { IntegrationEventPublisher, JetStreamConnection, provisionStreams } from '../src';
import { HandlerProbe, startCustomerWonApp } from './support/customer-won.app';
import { anEvent } from './support/events';
import { NatsServerProcess } from './support/nats-server-process';
import { RecordingLogger } from './support/recording-logger';

describe('consumer loop across a NATS server restart', () => {
  let server: NatsServerProcess;
  let producer: JetStreamConnection;
  let app: INestMicroservice | undefined;

  beforeEach(async () => {
    server = await NatsServerProcess.start();
    producer = await JetStreamConnection.connect({ servers: server.url, name: 'test-producer', logger: new RecordingLogger() });
    await provisionStreams(producer);
  });

  afterEach(async () => {
    await app?.close();
    await producer.close();
    await server.dispose();
  });

  it('handles messages published after the server was killed and restarted, by itself', async () => {
    const probe = new HandlerProbe();
    const publisher = new IntegrationEventPublisher(producer);
    // The transport opens (and owns) its own connection, as a service does.
    app = await startCustomerWonApp(probe, { service: 'erp-adapter', servers: server.url, expiresMs: 1_000, restartDelayMs: 200 });
    const before = anEvent('crm.customer.won', 'customer-1', { n: 1 });
    await publisher.publish(before);
    await waitFor(() => probe.handled.length === 1, { what: 'the event published before the restart' });

    await server.kill();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await server.restart();

    const after = anEvent('crm.customer.won', 'customer-2', { n: 2 });
    await waitFor(() => publisher.publish(after, { timeoutMs: 1_000 }).then(() => true), { timeoutMs: 15_000, intervalMs: 250, what: 'a publish after the restart' });
    await waitFor(() => probe.handled.length === 2, { timeoutMs: 20_000, what: 'the event published after the restart' });
    expect(probe.handled.map((h) => h.event.id)).toEqual([before.id, after.id]);
  }, 60_000);
});
