import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { fromRoot } from './workspace';

function yamlFiles(directory: string): string[] {
  return readdirSync(fromRoot(directory), { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(directory, entry.name);
    if (entry.isDirectory()) return yamlFiles(file);
    return /\.ya?ml$/.test(entry.name) ? [file] : [];
  });
}

// kubectl and docker-compose read YAML 1.1; a duplicate key or a tab would be silently "fixed"
// by some readers and rejected by others.
describe('YAML files of docker/ and k8s/', () => {
  const files = [...yamlFiles('docker'), ...yamlFiles('k8s')];

  it('exist', () => {
    expect(files).toEqual(expect.arrayContaining(['docker/compose.yaml', 'k8s/services.yaml', 'k8s/overlays/prod/kustomization.yaml']));
  });

  it.each(files)('%s parses strictly: no syntax error, warning or duplicate key', (file) => {
    const documents = parseAllDocuments(readFileSync(fromRoot(file), 'utf8'), { uniqueKeys: true, version: '1.1', strict: true });
    expect(documents.flatMap((document) => [...document.errors, ...document.warnings].map((problem) => problem.message))).toEqual([]);
  });
});
