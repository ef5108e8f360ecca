import { execFileSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import type { Manifest } from './manifest';

/** `kubectl kustomize <dir>`: renders offline, no cluster needed. */
export function renderKustomization(directory: string): Manifest[] {
  let output: string;
  try {
    output = execFileSync('kubectl', ['kustomize', directory], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { stderr, code } = error as { stderr?: string; code?: string };
    if (code === 'ENOENT') throw new Error('kubectl is not installed: the kustomize render needs it (kubectl kustomize, no cluster)');
    throw new Error(`kubectl kustomize ${directory} failed: ${stderr ?? String(error)}`);
  }
  return parseManifests(output);
}

/** Multi-document YAML → objects; a YAML error or a non-object document throws. */
export function parseManifests(text: string): Manifest[] {
  return parseAllDocuments(text, { uniqueKeys: true }).flatMap((document) => {
    if (document.errors.length > 0) throw new Error(`invalid YAML: ${document.errors.map((e) => e.message).join('; ')}`);
    const value: unknown = document.toJS();
    if (value === null || value === undefined) return [];
    if (typeof value !== 'object' || Array.isArray(value)) throw new Error('a document is not a Kubernetes object');
    return [value as Manifest];
  });
}
