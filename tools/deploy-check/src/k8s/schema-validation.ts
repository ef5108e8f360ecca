import * as models from 'kubernetes-models';
import { objectId, type Manifest, type ManifestProblem } from './manifest';

interface ModelClass {
  new (data: object): { validate(): void };
  readonly apiVersion: string;
  readonly kind: string;
  readonly prototype: { validate(): void };
}

interface SchemaError {
  instancePath: string;
  message?: string;
}

/** `networking.k8s.io/v1` → the kubernetes-models export `networkingK8sIo.v1`; `v1` → `v1`. */
function modelFor(apiVersion: string, kind: string): ModelClass | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const groupKey = group.replace(/\.([a-z])/g, (_, letter: string) => letter.toUpperCase());
  const groupExport = (groupKey === '' ? models : (models as Record<string, unknown>)[groupKey]) as Record<string, Record<string, unknown>> | undefined;
  const candidate = groupExport?.[version]?.[kind] as ModelClass | undefined;
  // Only top-level resources carry apiVersion/kind (ObjectMeta, PodSpec... do not).
  return candidate && candidate.apiVersion === apiVersion && candidate.kind === kind ? candidate : undefined;
}

/**
 * Validates one object against the Kubernetes 1.27 schemas of kubernetes-models (types, required
 * fields, enums) and rejects the fields those schemas do not declare, which the library lets through.
 */
export function validateManifest(rendered: Manifest): ManifestProblem[] {
  const manifest = asDecoded(rendered);
  const object = objectId(manifest);
  const Model = modelFor(String(manifest.apiVersion), String(manifest.kind));
  if (!Model) return [{ rule: 'unknown-kind', object, path: '', message: `no Kubernetes schema for ${manifest.apiVersion} ${manifest.kind}` }];
  const problems: ManifestProblem[] = [];
  try {
    new Model(manifest).validate();
  } catch (error) {
    const errors = (error as { errors?: SchemaError[] }).errors;
    if (!errors) throw error;
    problems.push(...errors.map((e) => ({ rule: 'schema' as const, object, path: e.instancePath, message: e.message ?? 'is invalid' })));
  }
  for (const path of unknownFields(Model, manifest)) {
    problems.push({ rule: 'unknown-field', object, path, message: `field "${path.slice(path.lastIndexOf('/') + 1)}" is not in the schema` });
  }
  return problems;
}

/**
 * kustomize wraps long base64 Secret values over several lines; the API server's decoder (Go's
 * encoding/base64) skips line breaks, while the schema's "byte" format does not: join them first.
 */
function asDecoded(manifest: Manifest): Manifest {
  if (manifest.kind !== 'Secret' || typeof manifest['data'] !== 'object' || manifest['data'] === null) return manifest;
  const data = Object.fromEntries(
    Object.entries(manifest['data'] as Record<string, unknown>).map(([key, value]) => [key, typeof value === 'string' ? value.replace(/[\r\n]/g, '') : value]),
  );
  return { ...manifest, data };
}

interface Visit {
  value: Record<string, unknown>;
  read: Set<string>;
  /** The validator enumerated the keys: a map (labels, resources.limits...), any key goes. */
  enumerated: boolean;
}

/**
 * The fields the schema does not declare. kubernetes-models' validators are Ajv-compiled code that
 * reads every declared property (`data.replicas === undefined || …`) and enumerates maps (labels,
 * resource quantities); run one over a Proxy of the object, and a key it never read, in an object
 * it never enumerated, is a key the schema does not have.
 */
function unknownFields(Model: ModelClass, manifest: Manifest): string[] {
  const visits = new Map<string, Visit>();
  const tracked = track(structuredClone(manifest) as Record<string, unknown>, '', visits);
  try {
    Model.prototype.validate.call(tracked);
  } catch {
    // Schema errors are reported by validateManifest; only the reads matter here.
  }
  const unknown: string[] = [];
  for (const [path, visit] of visits) {
    if (Array.isArray(visit.value) || visit.enumerated) continue;
    for (const key of Object.keys(visit.value)) if (!visit.read.has(key)) unknown.push(`${path}/${key}`);
  }
  return unknown.sort();
}

function track(value: Record<string, unknown>, path: string, visits: Map<string, Visit>): Record<string, unknown> {
  const visit: Visit = { value, read: new Set(), enumerated: false };
  visits.set(path, visit);
  // One proxy per child, so a field the validator reads twice keeps everything read through it.
  const children = new Map<string, Record<string, unknown>>();
  return new Proxy(value, {
    get(target, key, receiver) {
      const child: unknown = Reflect.get(target, key, receiver);
      if (typeof key !== 'string') return child;
      visit.read.add(key);
      if (!Object.prototype.hasOwnProperty.call(target, key) || child === null || typeof child !== 'object') return child;
      let proxy = children.get(key);
      if (!proxy) {
        proxy = track(child as Record<string, unknown>, `${path}/${key}`, visits);
        children.set(key, proxy);
      }
      return proxy;
    },
    ownKeys(target) {
      visit.enumerated = true;
      return Reflect.ownKeys(target);
    },
  });
}
