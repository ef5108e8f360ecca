import { createTestNats, type TestNats } from '@switchboard/testing';
import { AckPolicy, DeliverPolicy, nanos, StorageType } from 'nats';
import { JetStreamConnection, provisionConsumer, provisionStreams, ProvisioningError } from '../src';
import { RecordingLogger } from './support/recording-logger';

describe('provisioning streams and consumers', () => {
  let nats: TestNats;
  let connection: JetStreamConnection;
  let logger: RecordingLogger;

  beforeEach(async () => {
    nats = await createTestNats();
    logger = new RecordingLogger();
    connection = await JetStreamConnection.wrap(nats.nc, { namespace: nats.namespace, logger });
  });
  afterEach(() => nats.cleanup());

  const stream = (name: string) => `${nats.namespace.toUpperCase()}_${name}`;

  it('creates the catalogue streams with file storage and the configured limits', async () => {
    const results = await provisionStreams(connection, { defaults: { duplicateWindowMs: 60_000, maxAgeMs: 3_600_000, maxMsgs: 1_000 } });

    expect(results.map((r) => [r.name, r.action])).toEqual(
      ['CRM', 'ORDER', 'ERP', 'CONTRACT', 'DLQ'].map((name) => [stream(name), 'created']),
    );
    const crm = await connection.jsm.streams.info(stream('CRM'));
    expect(crm.config).toMatchObject({
      subjects: [`${nats.namespace}.crm.>`],
      storage: StorageType.File,
      duplicate_window: nanos(60_000),
      max_age: nanos(3_600_000),
      max_msgs: 1_000,
    });
  });

  it('changes nothing when run again with the same settings', async () => {
    await provisionStreams(connection);
    const before = await connection.jsm.streams.info(stream('ORDER'));

    const again = await provisionStreams(connection);

    expect(again.every((r) => r.action === 'unchanged')).toBe(true);
    expect((await connection.jsm.streams.info(stream('ORDER'))).created).toEqual(before.created);
  });

  it('updates and logs a changed limit instead of ignoring it', async () => {
    await provisionStreams(connection, { defaults: { maxAgeMs: 3_600_000 } });

    const results = await provisionStreams(connection, { defaults: { maxAgeMs: 3_600_000 }, overrides: { DLQ: { maxAgeMs: 7_200_000 } } });

    expect(results.find((r) => r.name === stream('DLQ'))).toMatchObject({ action: 'updated', changed: ['max_age'] });
    expect(results.filter((r) => r.action === 'updated')).toHaveLength(1);
    expect((await connection.jsm.streams.info(stream('DLQ'))).config.max_age).toBe(nanos(7_200_000));
    expect(logger.lines).toContainEqual(expect.stringMatching(new RegExp(`^warn stream ${stream('DLQ')} updated: max_age`)));
  });

  it('refuses a storage change the server cannot make in place, with a clear error', async () => {
    await provisionStreams(connection);

    await expect(provisionStreams(connection, { overrides: { CRM: { storage: 'memory' } } })).rejects.toThrow(ProvisioningError);
    await expect(provisionStreams(connection, { overrides: { CRM: { storage: 'memory' } } })).rejects.toThrow(
      /stream ".*_CRM" exists with a different storage "file" → "memory", which cannot be changed in place/,
    );
  });

  it('declares a durable pull consumer <service>__<handler> once, and updates a changed setting', async () => {
    await provisionStreams(connection);
    const declaration = { service: 'erp-adapter', handler: 'create-customer', filterSubject: 'crm.customer.won', settings: { ackWaitMs: 10_000 } };

    const created = await provisionConsumer(connection, declaration);
    const unchanged = await provisionConsumer(connection, declaration);
    const updated = await provisionConsumer(connection, { ...declaration, settings: { ackWaitMs: 20_000, maxAckPending: 1 } });

    expect([created.action, unchanged.action, updated.action]).toEqual(['created', 'unchanged', 'updated']);
    expect([...updated.changed].sort()).toEqual(['ack_wait', 'max_ack_pending']);
    expect(created).toMatchObject({ name: 'erp-adapter__create-customer', stream: stream('CRM') });
    const info = await connection.jsm.consumers.info(stream('CRM'), 'erp-adapter__create-customer');
    expect(info.config).toMatchObject({
      durable_name: 'erp-adapter__create-customer',
      ack_policy: AckPolicy.Explicit,
      ack_wait: nanos(20_000),
      max_ack_pending: 1,
      deliver_policy: DeliverPolicy.All,
      filter_subject: `${nats.namespace}.crm.customer.won`,
    });
    expect(logger.lines).toContainEqual(expect.stringMatching(/^warn consumer .*erp-adapter__create-customer updated: ack_wait/));
  });

  it('refuses to change a consumer setting that is fixed at creation', async () => {
    await provisionStreams(connection);
    const declaration = { service: 'crm', handler: 'link-erp-customer', filterSubject: 'erp.customer.created' };
    await provisionConsumer(connection, declaration);

    await expect(provisionConsumer(connection, { ...declaration, settings: { deliverPolicy: 'new' } })).rejects.toThrow(
      /consumer ".*_ERP\/crm__link-erp-customer" exists with a different deliver_policy "all" → "new", which cannot be changed in place/,
    );
  });
});
