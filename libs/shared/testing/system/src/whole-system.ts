import {
  createTestNats,
  createTestSchema,
  freePort,
  ServiceProcess,
  TEST_DATABASE_URL,
  type TestNats,
  type TestSchema,
} from '@switchboard/testing';
import { randomBytes } from 'node:crypto';

/** The first start compiles every app with swc, six at once: readiness may take a while. */
const READY_TIMEOUT_MS = 90_000;

const SERVICES = [
  'crm',
  'order',
  'erp-adapter',
  'contract-adapter',
  'erp-simulator',
  'clm-simulator',
] as const;
export type ServiceName = (typeof SERVICES)[number];

/**
 * All of Switchboard as the deployment runs it: the four services and the two simulators, each its
 * own process on its own throwaway schema, the services sharing one throwaway NATS namespace, and
 * each adapter and its simulator pointed at one another (base URLs one way, signed webhooks the other).
 */
export interface WholeSystem {
  readonly services: Readonly<Record<ServiceName, ServiceProcess>>;
  /** The throwaway NATS namespace the services share (for DLQ tools, or publishing as a service would). */
  readonly nats: TestNats;
  /** Each process's throwaway PostgreSQL schema (to read what it stored, as a bench's hop timings do). */
  readonly schemas: Readonly<Record<ServiceName, string>>;
  /** The Standard Webhooks secrets each simulator signs with and its adapter verifies. */
  readonly webhookSecrets: { readonly erp: string; readonly clm: string };
  /** SIGTERMs what still runs; deletes the streams and drops the schemas. */
  close(): Promise<void>;
}

/** A Standard Webhooks secret: `whsec_` + base64 of the key. */
const webhookSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

export interface WholeSystemOptions {
  /** Extra or overriding variables per process, e.g. `{ 'erp-adapter': { CONSUMER_MAX_DELIVER: '3' } }`. */
  readonly env?: Partial<Record<ServiceName, Record<string, string>>>;
}

export async function startWholeSystem(options: WholeSystemOptions = {}): Promise<WholeSystem> {
  const nats: TestNats = await createTestNats();
  const schemas = await Promise.all(
    SERVICES.map((service) => createTestSchema(`e2e_${service.replace(/-/g, '_')}`)),
  );
  const schemaOf = (service: ServiceName): TestSchema => schemas[SERVICES.indexOf(service)];
  // Every process must know where the others listen before any of them starts.
  const ports = await Promise.all(SERVICES.map(() => freePort()));
  const origin = (service: ServiceName) => `http://127.0.0.1:${ports[SERVICES.indexOf(service)]}`;
  const erpSecret = webhookSecret();
  const clmSecret = webhookSecret();
  const logLevel = process.env['E2E_LOG_LEVEL'] ?? 'warn';

  const common = (service: ServiceName) => ({
    SERVICE_NAME: service,
    PORT: String(ports[SERVICES.indexOf(service)]),
    DATABASE_URL: TEST_DATABASE_URL,
    DB_SCHEMA: schemaOf(service).schema,
    LOG_LEVEL: logLevel,
  });
  const withNats = (service: ServiceName) => ({
    ...common(service),
    NATS_URL: nats.url,
    NATS_NAMESPACE: nats.namespace,
    RELAY_LEASE_TTL_MS: '1500',
  });
  const simulator = (service: ServiceName, webhookUrl: string, secret: string) => ({
    ...common(service),
    WEBHOOK_URLS: webhookUrl,
    WEBHOOK_SECRET: secret,
    WEBHOOK_RETRY_BASE_MS: '200',
    WEBHOOK_RETRY_MAX_MS: '2000',
    WEBHOOK_POLL_MS: '100',
  });
  const env: Record<ServiceName, Record<string, string>> = {
    crm: withNats('crm'),
    order: withNats('order'),
    'erp-adapter': {
      ...withNats('erp-adapter'),
      ERP_BASE_URL: `${origin('erp-simulator')}/api/v1`,
      CRM_BASE_URL: `${origin('crm')}/api/v1`,
      CLM_BASE_URL: `${origin('clm-simulator')}/api/v1`,
      ERP_WEBHOOK_SECRETS: erpSecret,
    },
    'contract-adapter': {
      ...withNats('contract-adapter'),
      CLM_BASE_URL: origin('clm-simulator'),
      CRM_BASE_URL: origin('crm'),
      CLM_WEBHOOK_SECRETS: clmSecret,
    },
    // The adapter learns of a placed order from the placing call's answer: it takes the later changes only (as deployed).
    'erp-simulator': { ...simulator('erp-simulator', `${origin('erp-adapter')}/webhooks/erp`, erpSecret), WEBHOOK_EVENT_TYPES: 'sales-order.updated' },
    'clm-simulator': simulator('clm-simulator', `${origin('contract-adapter')}/webhooks/clm`, clmSecret),
  };

  const started = await Promise.allSettled(
    SERVICES.map((service) =>
      ServiceProcess.start({ service, env: { ...env[service], ...options.env?.[service] }, readyTimeoutMs: READY_TIMEOUT_MS }),
    ),
  );
  const cleanup = async () => {
    await Promise.all(
      started.map((s) => (s.status === 'fulfilled' && s.value.running ? s.value.stop() : undefined)),
    );
    await nats.cleanup();
    await Promise.all(schemas.map((schema) => schema.drop()));
  };
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await cleanup();
    throw failed.reason;
  }
  const processes = started.map((s) => (s as PromiseFulfilledResult<ServiceProcess>).value);
  const services = Object.fromEntries(SERVICES.map((service, i) => [service, processes[i]])) as Record<
    ServiceName,
    ServiceProcess
  >;
  const schemaNames = Object.fromEntries(SERVICES.map((service) => [service, schemaOf(service).schema])) as Record<ServiceName, string>;
  return { services, nats, schemas: schemaNames, webhookSecrets: { erp: erpSecret, clm: clmSecret }, close: cleanup };
}
