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
  }
  for (const service of services) {
    for (const target of service.egress ?? []) {
      if ('service' in target && !names.has(target.service)) problems.push(`${service.name}: egress to unknown service ${target.service}`);
    }
  }
  if (problems.length > 0) throw new Error(`${CATALOGUE_PATH} is invalid:\n  ${problems.join('\n  ')}`);
  return document;
}

export function loadCatalogue(): Catalogue {
  return parseCatalogue(readFileSync(fromRoot(CATALOGUE_PATH), 'utf8'));
}
