import { STREAMS } from '@switchboard/contracts';
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { fromRoot } from '../workspace';

export type ServiceKind = 'service' | 'simulator';

export type EgressTarget = { service: string } | { cidr: string; port: number };

/** One entry of k8s/services.yaml: everything the generators need to know about a service. */
export interface DeployableService {
  name: string;
  kind: ServiceKind;
  /** Context whose subjects (`<context>.>`) the service publishes; absent for a simulator. */
  publishes?: string;
  localPort: number;
  replicas: { min: number; max: number };
  egress?: EgressTarget[];
  /** Extra literals of `<service>-config` (variable → value), beyond what its kind gets. */
  config?: Record<string, string | number | boolean>;
  /**
   * Extra keys of `<service>-secrets` (variable → the credential it holds): keys naming the same
   * credential hold the same value (a webhook secret of a simulator and of its adapter).
   */
  secrets?: Record<string, string>;
}

/** Where images are pushed and the tag every overlay deploys. */
export interface Release {
  registry: string;
  tag: string;
}

export interface Catalogue {
  release: Release;
  services: DeployableService[];
}

export const CATALOGUE_PATH = 'k8s/services.yaml';

/** The port every container listens on (PORT in the image); Services and probes use it by name `http`. */
export const CONTAINER_PORT = 3000;

const NAME = '^[a-z][a-z0-9-]*$';
const VARIABLE = '^[A-Z][A-Z0-9_]*$';

/** Environment variables that hold credentials: only ever from a Secret (the policy checks use it too). */
export const SECRET_VARIABLE = /(PASSWORD|PASSWD|SECRET|TOKEN|API_KEY|PRIVATE_KEY|CREDENTIAL|^DATABASE_URL$|^EVENT_STORE_URL$)/i;

/** What a kind always sets itself: `config`/`secrets` entries may not override it. */
const RESERVED_VARIABLES = new Set(['SERVICE_NAME', 'PORT', 'NATS_URL', 'NATS_USER', 'NATS_PASSWORD', 'DATABASE_URL', 'EVENT_STORE_URL']);

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['release', 'services'],
  properties: {
    release: {
      type: 'object',
      additionalProperties: false,
      required: ['registry', 'tag'],
      properties: {
        registry: { type: 'string', pattern: '^[a-z0-9.-]+(:[0-9]+)?(/[a-z0-9._-]+)*$' },
        // A pinned tag: never `latest`.
        tag: { type: 'string', pattern: '^(?!latest$)[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$' },
      },
    },
    services: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'kind', 'localPort', 'replicas'],
        properties: {
          name: { type: 'string', pattern: NAME },
          kind: { enum: ['service', 'simulator'] },
          publishes: { enum: STREAMS.map((stream) => stream.context).filter((context) => context !== 'dlq') },
          localPort: { type: 'integer', minimum: 1024, maximum: 65535 },
          replicas: {
            type: 'object',
            additionalProperties: false,
            required: ['min', 'max'],
            properties: { min: { type: 'integer', minimum: 1 }, max: { type: 'integer', minimum: 1 } },
          },
          egress: {
            type: 'array',
            items: {
              oneOf: [
                { type: 'object', additionalProperties: false, required: ['service'], properties: { service: { type: 'string', pattern: NAME } } },
                {
                  type: 'object',
                  additionalProperties: false,
                  required: ['cidr', 'port'],
                  properties: { cidr: { type: 'string' }, port: { type: 'integer', minimum: 1, maximum: 65535 } },
                },
              ],
            },
          },
          config: {
            type: 'object',
            propertyNames: { pattern: VARIABLE },
            additionalProperties: { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
          },
          secrets: {
            type: 'object',
            propertyNames: { pattern: VARIABLE },
            additionalProperties: { type: 'string', pattern: NAME },
          },
        },
      },
    },
  },
} as const;

const validateShape = new Ajv({ allErrors: true }).compile<Catalogue>(schema);

/** Parses and checks a catalogue: its shape, then the rules a schema cannot say. */
export function parseCatalogue(text: string): Catalogue {
  const document: unknown = parse(text);
  if (!validateShape(document)) {
    const problems = (validateShape.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
    throw new Error(`${CATALOGUE_PATH} is invalid:\n  ${problems.join('\n  ')}`);
  }
  const services = document.services;
  const problems: string[] = [];
  const names = new Set<string>();
  const ports = new Set<number>();
  for (const service of services) {
    if (names.has(service.name)) problems.push(`${service.name}: listed twice`);
    if (ports.has(service.localPort)) problems.push(`${service.name}: localPort ${service.localPort} is taken`);
    names.add(service.name);
    ports.add(service.localPort);
    if (service.replicas.min > service.replicas.max) problems.push(`${service.name}: replicas.min is above replicas.max`);
    if (service.kind === 'service' && !service.publishes) problems.push(`${service.name}: a service must name the context it publishes`);
    if (service.kind === 'simulator' && service.publishes) problems.push(`${service.name}: a simulator publishes nothing on NATS`);
    for (const key of [...Object.keys(service.config ?? {}), ...Object.keys(service.secrets ?? {})].filter((key) => RESERVED_VARIABLES.has(key))) {
      problems.push(`${service.name}: ${key} is set by the generator, not by config/secrets`);
    }
    for (const key of Object.keys(service.config ?? {}).filter((key) => SECRET_VARIABLE.test(key))) {
      problems.push(`${service.name}: ${key} is a credential: list it under secrets, not config`);
    }
  }
  for (const service of services) {
    const reachable = new Set((service.egress ?? []).flatMap((target) => ('service' in target ? [target.service] : [])));
    for (const target of service.egress ?? []) {
      if ('service' in target && !names.has(target.service)) problems.push(`${service.name}: egress to unknown service ${target.service}`);
    }
    for (const [key, value] of Object.entries(service.config ?? {})) {
      for (const host of serviceHosts(String(value), names)) {
        // Its own name (PUBLIC_BASE_URL) is how others reach it, not a call it makes.
        if (host !== service.name && !reachable.has(host)) problems.push(`${service.name}: ${key} calls ${host}, which its egress does not allow`);
      }
    }
  }
  if (problems.length > 0) throw new Error(`${CATALOGUE_PATH} is invalid:\n  ${problems.join('\n  ')}`);
  return document;
}

/** Hosts of the http(s) URLs in a value (a comma-separated list too) that are services of the catalogue. */
export function serviceHosts(value: string, names: ReadonlySet<string>): string[] {
  return [...value.matchAll(/https?:\/\/(?<host>[a-z][a-z0-9-]*)(?=[/:,]|$)/g)].flatMap((match) => (match.groups?.['host'] && names.has(match.groups['host']) ? [match.groups['host']] : []));
}

export function loadCatalogue(): Catalogue {
  return parseCatalogue(readFileSync(fromRoot(CATALOGUE_PATH), 'utf8'));
}
