/** A rendered Kubernetes object, as parsed from YAML. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

export type ManifestRule =
  | 'yaml'
  | 'unknown-kind'
  | 'schema'
  | 'unknown-field'
  | 'probes'
  | 'resources'
  | 'security-context'
  | 'image-tag'
  | 'grace-period'
  | 'literal-secret'
  | 'companions'
  | 'network-policy'
  | 'reference';

export interface ManifestProblem {
  rule: ManifestRule;
  /** `Kind/name` of the object. */
  object: string;
  /** JSON pointer inside the object, `` for the object itself. */
  path: string;
  message: string;
}

export function objectId(manifest: Pick<Manifest, 'kind' | 'metadata'>): string {
  return `${manifest.kind}/${manifest.metadata?.name ?? '?'}`;
}
