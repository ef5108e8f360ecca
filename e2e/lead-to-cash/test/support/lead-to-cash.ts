import type { IntegrationEvent } from '@switchboard/contracts';
import { IntegrationEventPublisher, JetStreamConnection } from '@switchboard/messaging';
import {
  createTestNats,
  createTestSchema,
  type ProcessExit,
  quietLogger,
  ServiceProcess,
  TEST_DATABASE_URL,
  type TestNats,
  type TestSchema,
  waitFor,
} from '@switchboard/testing';
import { randomUUID } from 'node:crypto';
import type { PubAck } from 'nats';

/**
 * crm and order as two real processes on their own throwaway schemas, sharing one throwaway NATS
 * namespace (so order sees crm.* and crm sees order.*), plus a publisher standing in for the ERP adapter.
 */
export interface LeadToCash {
  readonly crm: ServiceProcess;
  readonly order: ServiceProcess;
  readonly crmSchema: TestSchema;
  readonly orderSchema: TestSchema;
  readonly nats: TestNats;
  /** Publishes as a producer does: Nats-Msg-Id = event id, so a republish within the duplicate window is dropped by the stream. */
  publish(event: IntegrationEvent): Promise<PubAck>;
  /** The same event (same id) under a fresh Nats-Msg-Id: the stream keeps it, so consumers really receive it again. */
  redeliver(event: IntegrationEvent): Promise<PubAck>;
  /** Resolves once the durable consumer `<service>__<handler>` on `stream` has nothing pending, in flight or awaiting a retry. */
  consumerSettled(stream: string, consumer: string): Promise<void>;
  /** Messages a stream (e.g. `ORDER`) holds on `subject` (plain, e.g. `order.status-changed`). */
  messagesOn(stream: string, subject: string): Promise<IntegrationEvent[]>;
  /** SIGTERMs the services that still run; deletes the streams and drops the schemas. */
  close(): Promise<void>;
}

export async function startLeadToCash(): Promise<LeadToCash> {
  const nats = await createTestNats();
  const [crmSchema, orderSchema] = await Promise.all([createTestSchema('e2e_crm'), createTestSchema('e2e_order')]);
  const env = (schema: TestSchema) => ({
    DATABASE_URL: TEST_DATABASE_URL,
    NATS_URL: nats.url,
    NATS_NAMESPACE: nats.namespace,
    // A SIGKILLed service's relay lease must expire before its restart relays again.
    RELAY_LEASE_TTL_MS: '1500',
    DB_SCHEMA: schema.schema,
    LOG_LEVEL: process.env['E2E_LOG_LEVEL'] ?? 'warn',
  });
  const started = await Promise.allSettled([
    ServiceProcess.start({ service: 'crm', env: env(crmSchema) }),
    ServiceProcess.start({ service: 'order', env: env(orderSchema) }),
  ]);
  const cleanup = async () => {
    await Promise.all(started.map((s) => (s.status === 'fulfilled' && s.value.running ? s.value.stop() : undefined)));
    await nats.cleanup();
    await Promise.all([crmSchema.drop(), orderSchema.drop()]);
  };
  const [crmStarted, orderStarted] = started;
  if (crmStarted.status === 'rejected' || orderStarted.status === 'rejected') {
    await cleanup();
    throw [crmStarted, orderStarted].find((s) => s.status === 'rejected')?.reason;
  }
  const connection = await JetStreamConnection.wrap(nats.nc, { namespace: nats.namespace, logger: quietLogger });
  const publisher = new IntegrationEventPublisher(connection);
  const jsm = connection.jsm;
  return {
    crm: crmStarted.value,
    order: orderStarted.value,
    crmSchema,
    orderSchema,
    nats,
    publish: (event) => publisher.publish(event),
    redeliver: (event) => publisher.publish(event, { msgID: `${event.id}:again:${randomUUID()}` }),
    async consumerSettled(stream, consumer) {
      await waitFor(
        async () => {
          const info = await jsm.consumers.info(connection.namespace.stream(stream), consumer);
          return info.num_pending === 0 && info.num_ack_pending === 0;
        },
        { what: `${consumer} on ${stream} to settle`, timeoutMs: 45_000, intervalMs: 100 },
      );
    },
    async messagesOn(stream, subject) {
      const name = connection.namespace.stream(stream);
      const wireSubject = connection.namespace.subject(subject);
      const { state } = await jsm.streams.info(name);
      const events: IntegrationEvent[] = [];
      for (let seq = state.first_seq; state.messages > 0 && seq <= state.last_seq; seq++) {
        const message = await jsm.streams.getMessage(name, { seq });
        if (message.subject === wireSubject) events.push(message.json<IntegrationEvent>());
      }
      return events;
    },
    close: cleanup,
  };
}

/** What a clean SIGTERM shutdown looks like. */
export const CLEAN_EXIT: ProcessExit = { code: 0, signal: null };
