import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { INestMicroservice } from '@nestjs/common';
import { createTestNats, waitFor, type TestNats } from '@switchboard/testing';
import { IntegrationEventPublisher, JetStreamConnection, listDeadLetters, provisionStreams } from '../src';
import { HandlerProbe, startCustomerWonApp } from './support/customer-won.app';
import { anEvent } from './support/events';
import { RecordingLogger } from './support/recording-logger';

const WORKSPACE = join(__dirname, '../../../..');

describe('npm run dlq', () => {
  let nats: TestNats;
  let connection: JetStreamConnection;
  let probe: HandlerProbe;
  let app: INestMicroservice;

  const dlq = async (...args: string[]) => {
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'dlq', '--', ...args, '--namespace', nats.namespace, '--servers', nats.url], {
      cwd: WORKSPACE,
    });
    return stdout;
  };

  beforeEach(async () => {
    nats = await createTestNats();
    connection = await JetStreamConnection.wrap(nats.nc, { namespace: nats.namespace, logger: new RecordingLogger() });
    await provisionStreams(connection);
    probe = new HandlerProbe();
    app = await startCustomerWonApp(probe, { service: 'erp-adapter', connection, streams: false, expiresMs: 1_000, consumers: { 'create-customer': { maxDeliver: 1 } } });
  });

  afterEach(async () => {
    await app.close();
    await nats.cleanup();
  });

  it('lists, shows and replays a dead letter from the command line', async () => {
    probe.failWith = 'ERP rejected the VAT number';
    const event = anEvent('crm.customer.won', 'customer-5', { vat: 'XX' });
    await new IntegrationEventPublisher(connection).publish(event);
    const [letter] = await waitFor(async () => {
      const letters = await listDeadLetters(connection);
      return letters.length === 1 && letters;
    }, { what: 'the dead letter' });

    const listed = await dlq('list', '--service', 'erp-adapter');
    const shown = await dlq('show', String(letter.seq));
    probe.failWith = undefined;
    const replayed = await dlq('replay', String(letter.seq));

    expect(listed).toContain(`#${letter.seq}`);
    expect(listed).toContain(event.id);
    expect(listed).toContain('ERP rejected the VAT number');
    expect(shown).toContain('reason: handler-failed');
    expect(shown).toContain('"vat": "XX"');
    expect(replayed).toMatch(new RegExp(`replayed #${letter.seq} to crm.customer.won`));
    await waitFor(() => probe.handled.length === 1, { what: 'the replayed event to be handled' });
    expect(probe.handled[0].event.id).toBe(event.id);
    expect(await dlq('list')).toContain('no dead letters');
  });
});
