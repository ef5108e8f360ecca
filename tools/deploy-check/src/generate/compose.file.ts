import { CONTAINER_PORT, type DeployableService } from '../catalogue/service-catalogue';
import { devCredential } from './dev-secrets';

/** Local-only credentials of the compose stack (never used outside one laptop). */
const LOCAL_DATABASE_URL = 'postgres://switchboard:switchboard@postgres:5432/switchboard';

/** Pinned images of the infrastructure (the k8s dev overlay uses the same tags). */
export const INFRA_IMAGES = {
  nats: 'nats:2.10.24-alpine',
  eventstore: 'eventstore/eventstore:24.10.0-bookworm-slim',
  postgres: 'postgres:16.4-bookworm',
} as const;

type ComposeService = Record<string, unknown>;

const healthy = { condition: 'service_healthy' };

function infrastructure(): Record<string, ComposeService> {
  return {
    nats: {
      image: INFRA_IMAGES.nats,
      command: ['--jetstream', '--store_dir', '/data', '--http_port', '8222'],
      volumes: ['nats-data:/data'],
      healthcheck: {
        test: ['CMD', 'wget', '-q', '--spider', 'http://127.0.0.1:8222/healthz?js-enabled-only=true'],
        interval: '5s',
        timeout: '3s',
        retries: 20,
      },
      restart: 'unless-stopped',
    },
    eventstore: {
      image: INFRA_IMAGES.eventstore,
      // Insecure (no TLS, no auth): for one laptop only; the services connect with tls=false.
      environment: {
        EVENTSTORE_INSECURE: 'true',
        EVENTSTORE_CLUSTER_SIZE: '1',
        EVENTSTORE_RUN_PROJECTIONS: 'None',
        EVENTSTORE_START_STANDARD_PROJECTIONS: 'false',
      },
      ports: ['2113:2113'],
      volumes: ['eventstore-data:/var/lib/eventstore', 'eventstore-logs:/var/log/eventstore'],
      healthcheck: { test: ['CMD', 'curl', '-fsS', 'http://127.0.0.1:2113/health/live'], interval: '5s', timeout: '3s', retries: 30 },
      restart: 'unless-stopped',
    },
    postgres: {
      image: INFRA_IMAGES.postgres,
      environment: { POSTGRES_USER: 'switchboard', POSTGRES_PASSWORD: 'switchboard', POSTGRES_DB: 'switchboard' },
      volumes: ['postgres-data:/var/lib/postgresql/data'],
      healthcheck: { test: ['CMD', 'pg_isready', '-U', 'switchboard', '-d', 'switchboard'], interval: '5s', timeout: '3s', retries: 20 },
      restart: 'unless-stopped',
    },
  };
}

/**
 * A `config:` value as compose needs it: a URL naming a service of the catalogue without a port
 * (`http://crm/api/v1`, for its Kubernetes Service on port 80) gets the container port.
 */
export function composeValue(value: string, names: ReadonlySet<string>): string {
  return value.replace(/(https?:\/\/)([a-z][a-z0-9-]*)(?=[/,]|$)/g, (url, scheme: string, host: string) => (names.has(host) ? `${scheme}${host}:${CONTAINER_PORT}` : url));
}

function environment(service: DeployableService, names: ReadonlySet<string>): Record<string, string> {
  const extra = {
    ...Object.fromEntries(Object.entries(service.config ?? {}).map(([key, value]) => [key, composeValue(String(value), names)])),
    // Local-only, as in the dev overlay: keys naming the same credential get the same value.
    ...Object.fromEntries(Object.entries(service.secrets ?? {}).map(([key, credential]) => [key, devCredential(credential)])),
  };
  const base = { SERVICE_NAME: service.name, PORT: String(CONTAINER_PORT), LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_MS: '10000', DATABASE_URL: LOCAL_DATABASE_URL };
  if (service.kind === 'simulator') return { ...base, ...extra };
  return {
    ...base,
    NATS_URL: 'nats://nats:4222',
    // The production adapter, as in Kubernetes: every service's event store is EventStoreDB.
    EVENT_STORE_URL: 'esdb://eventstore:2113?tls=false',
    ...extra,
  };
}

function image(service: DeployableService): Record<string, unknown> {
  return {
    image: `switchboard/${service.name}:local`,
    build: { context: '..', dockerfile: 'docker/Dockerfile', args: { SERVICE: service.name } },
  };
}

function services(service: DeployableService, names: ReadonlySet<string>): Record<string, ComposeService> {
  const app: ComposeService = {
    ...image(service),
    environment: environment(service, names),
    ports: [`${service.localPort}:${CONTAINER_PORT}`],
    // Longer than SHUTDOWN_TIMEOUT_MS, so the graceful shutdown finishes before a SIGKILL.
    stop_grace_period: '15s',
    restart: 'unless-stopped',
  };
  const migrate = `${service.name}-migrate`;
  return {
    // One-shot: the service's migrations, before the service starts.
    [migrate]: {
      ...image(service),
      command: ['node', 'migrate.js'],
      environment: environment(service, names),
      depends_on: { postgres: healthy },
      healthcheck: { disable: true },
      restart: 'no',
    },
    [service.name]: {
      ...app,
      // Streams and consumers are declared by the service itself at start (idempotently).
      depends_on: {
        [migrate]: { condition: 'service_completed_successfully' },
        ...(service.kind === 'service' ? { nats: healthy, eventstore: healthy } : {}),
        postgres: healthy,
      },
    },
  };
}

/** docker/compose.yaml as an object: the infrastructure, then every service of the catalogue. */
export function composeFile(catalogue: readonly DeployableService[]): Record<string, unknown> {
  const names = new Set(catalogue.map((service) => service.name));
  return {
    services: Object.assign(infrastructure(), ...catalogue.map((service) => services(service, names))),
    volumes: { 'nats-data': {}, 'eventstore-data': {}, 'eventstore-logs': {}, 'postgres-data': {} },
  };
}
