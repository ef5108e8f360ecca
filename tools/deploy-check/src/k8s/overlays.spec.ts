import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCatalogue } from '../catalogue/service-catalogue';
import { natsPasswordVariable } from '../generate/nats-auth.conf';
import { fromRoot } from '../workspace';
import { renderKustomization } from './kustomize-render';
import type { Manifest } from './manifest';
import { checkKustomization, checkManifests, KUSTOMIZATIONS } from './overlay-check';

const { services } = loadCatalogue();
const rendered = new Map(KUSTOMIZATIONS.map((k) => [k.directory, checkKustomization(k)]));
const manifestsOf = (directory: string) => rendered.get(directory)!.manifests;
const named = (manifests: Manifest[], kind: string, name: string) => manifests.find((m) => m.kind === kind && m.metadata.name === name) as Record<string, any> | undefined; // eslint-disable-line @typescript-eslint/no-explicit-any -- reads nested fields

describe('the kustomize overlays', () => {
  it.each(KUSTOMIZATIONS.map((k) => k.directory))('%s renders offline and every object validates, with no unknown field and no policy broken', (directory) => {
    const { manifests, problems } = rendered.get(directory)!;
    expect(manifests.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it.each(['k8s/overlays/dev', 'k8s/overlays/prod'])('%s deploys every service of k8s/services.yaml', (directory) => {
    for (const service of services) {
      expect(named(manifestsOf(directory), 'Deployment', service.name)).toBeDefined();
    }
  });

  it('runs the migrations in an init container before each event-sourced service starts', () => {
    for (const service of services.filter((s) => s.kind === 'service')) {
      const pod = named(manifestsOf('k8s/overlays/prod'), 'Deployment', service.name)!['spec'].template.spec;
      expect(pod.initContainers).toEqual([expect.objectContaining({ name: 'migrate', command: ['node', 'migrate.js'], image: pod.containers[0].image })]);
    }
  });

  it('runs NATS as one node in dev and a 3-node cluster in prod, with the per-service users in both', () => {
    expect(named(manifestsOf('k8s/overlays/dev'), 'StatefulSet', 'nats')!['spec'].replicas).toBe(1);
    expect(named(manifestsOf('k8s/overlays/prod'), 'StatefulSet', 'nats')!['spec'].replicas).toBe(3);
    const prodConfig = manifestsOf('k8s/overlays/prod').find((m) => m.kind === 'ConfigMap' && m.metadata.name.startsWith('nats-config'))!['data'] as Record<string, string>;
    expect(prodConfig['nats.conf']).toContain('nats://nats-2.nats-headless:6222');
    expect(prodConfig['nats.conf']).toContain('include ./auth.conf');
    for (const service of services.filter((s) => s.kind === 'service')) expect(prodConfig['auth.conf']).toContain(`user: "${service.name}"`);
  });

  it('gives the dev NATS pods a password for every user the generated auth.conf references', () => {
    const authConf = readFileSync(fromRoot('k8s/infra/nats/auth.conf'), 'utf8');
    const referenced = [...authConf.matchAll(/password: \$([A-Z_]+)/g)].map((match) => match[1]).sort();
    const secret = manifestsOf('k8s/overlays/dev').find((m) => m.kind === 'Secret' && m.metadata.name.startsWith('nats-users-'))!;
    expect(Object.keys(secret['data'] as object).sort()).toEqual(referenced);
    expect(referenced).toEqual(expect.arrayContaining(services.filter((s) => s.kind === 'service').map((s) => natsPasswordVariable(s.name))));
  });

  it('keeps PostgreSQL, EventStoreDB and every Secret out of prod (managed infrastructure, operator-created Secrets)', () => {
    const kinds = manifestsOf('k8s/overlays/prod').map((m) => `${m.kind}/${m.metadata.name}`);
    expect(kinds.filter((k) => /postgres|eventstore/.test(k) && !k.startsWith('NetworkPolicy/'))).toEqual([]);
    expect(kinds.filter((k) => k.startsWith('Secret/'))).toEqual([]);
  });

  it('fails a broken overlay end to end: render, then the check names the broken field', () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'broken-overlay-'));
    try {
      writeFileSync(
        path.join(directory, 'kustomization.yaml'),
        [
          'apiVersion: kustomize.config.k8s.io/v1beta1',
          'kind: Kustomization',
          'resources:',
          `  - ${path.relative(directory, fromRoot('k8s/overlays/prod'))}`,
          'patches:',
          '  - target: { kind: Deployment, name: order }',
          '    patch: |-',
          '      - { op: add, path: /spec/template/spec/containers/0/livenessProbe/httpGett, value: { path: / } }',
          '      - { op: replace, path: /spec/revisionHistoryLimit, value: "five" }',
          '      - { op: remove, path: /spec/template/spec/containers/0/startupProbe }',
          '',
        ].join('\n'),
      );
      const problems = checkManifests(renderKustomization(directory), { allowSecretData: false });
      expect(problems.map((p) => `${p.rule} ${p.object} ${p.path}`)).toEqual([
        'schema Deployment/order /spec/revisionHistoryLimit',
        'unknown-field Deployment/order /spec/template/spec/containers/0/livenessProbe/httpGett',
        'probes Deployment/order /spec/template/spec/containers/0/startupProbe',
      ]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
