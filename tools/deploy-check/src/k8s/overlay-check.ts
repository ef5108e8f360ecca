import { fromRoot } from '../workspace';
import { renderKustomization } from './kustomize-render';
import type { Manifest, ManifestProblem } from './manifest';
import { checkPolicies, type PolicyOptions } from './policy-checks';
import { validateManifest } from './schema-validation';

export interface Kustomization extends PolicyOptions {
  /** Directory from the repository root. */
  directory: string;
}

/**
 * What CI renders and validates: both overlays (whole deployments: every reference resolves), and
 * the base on its own (it must hold no secret either; its NATS and simulators come from elsewhere).
 */
export const KUSTOMIZATIONS: readonly Kustomization[] = [
  { directory: 'k8s/base', allowSecretData: false },
  { directory: 'k8s/overlays/dev', allowSecretData: true, complete: true },
  { directory: 'k8s/overlays/prod', allowSecretData: false, complete: true },
];

/** Schema (with unknown fields) and policy problems of a set of rendered objects. */
export function checkManifests(manifests: readonly Manifest[], options: PolicyOptions): ManifestProblem[] {
  return [...manifests.flatMap(validateManifest), ...checkPolicies(manifests, options)];
}

export function checkKustomization({ directory, ...options }: Kustomization): { manifests: Manifest[]; problems: ManifestProblem[] } {
  const manifests = renderKustomization(fromRoot(directory));
  return { manifests, problems: checkManifests(manifests, options) };
}
