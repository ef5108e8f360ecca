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

  it('deploys every service and simulator of k8s/services.yaml in dev, and only the services in prod', () => {
    const deployments = (directory: string) => manifestsOf(directory).filter((m) => m.kind === 'Deployment').map((m) => m.metadata.name).sort();
    expect(deployments('k8s/overlays/dev')).toEqual(services.map((s) => s.name).sort());
    expect(deployments('k8s/overlays/prod')).toEqual(services.filter((s) => s.kind === 'service').map((s) => s.name).sort());
  });

  describe('the simulators (dev only)', () => {
    const simulators = services.filter((s) => s.kind === 'simulator').map((s) => s.name);
    const configOf = (directory: string, service: string) =>
      manifestsOf(directory).find((m) => m.kind === 'ConfigMap' && m.metadata.name.startsWith(`${service}-config-`))!['data'] as Record<string, string>;
    const egressPeers = (directory: string, service: string) =>
      manifestsOf(directory)
        .filter((m) => m.kind === 'NetworkPolicy' && (m['spec'] as { podSelector: { matchLabels?: Record<string, string> } }).podSelector.matchLabels?.['app.kubernetes.io/name'] === service)
        .flatMap((m) => ((m['spec'] as { egress?: { to: { podSelector?: { matchLabels: Record<string, string> } }[] }[] }).egress ?? []).flatMap((rule) => rule.to))
        .flatMap((peer) => (peer.podSelector ? [peer.podSelector.matchLabels['app.kubernetes.io/name']] : []));

    it('renders nothing of a simulator in prod: no object, no NetworkPolicy toward one, no URL of one', () => {
      expect(simulators).toEqual(['erp-simulator', 'clm-simulator']);
      const prod = manifestsOf('k8s/overlays/prod');
      expect(prod.filter((m) => m.metadata.labels?.['app.kubernetes.io/component'] === 'simulator').map((m) => `${m.kind}/${m.metadata.name}`)).toEqual([]);
      expect(JSON.stringify(prod).match(/[a-z]+-simulator/g)).toBeNull();
      expect(egressPeers('k8s/overlays/prod', 'erp-adapter')).toEqual(['crm']);
      expect(egressPeers('k8s/overlays/prod', 'contract-adapter')).toEqual(['crm']);
    });

    it('points the adapters at the real ERP and CLM in prod (placeholders marked SET) and at the simulators in dev', () => {
      expect(configOf('k8s/overlays/prod', 'erp-adapter')).toEqual(expect.objectContaining({ ERP_BASE_URL: 'https://erp.example.com/api/v1', CLM_BASE_URL: 'https://clm.example.com/api/v1' }));
      expect(configOf('k8s/overlays/prod', 'contract-adapter')).toEqual(expect.objectContaining({ CLM_BASE_URL: 'https://clm.example.com' }));
      expect(configOf('k8s/overlays/dev', 'erp-adapter')).toEqual(expect.objectContaining({ ERP_BASE_URL: 'http://erp-simulator/api/v1', CLM_BASE_URL: 'http://clm-simulator/api/v1' }));
      expect(configOf('k8s/overlays/dev', 'contract-adapter')).toEqual(expect.objectContaining({ CLM_BASE_URL: 'http://clm-simulator' }));
      const prodKustomization = readFileSync(fromRoot('k8s/overlays/prod/kustomization.yaml'), 'utf8');
      for (const key of ['ERP_BASE_URL', 'CLM_BASE_URL']) expect(prodKustomization).toMatch(new RegExp(`- ${key}=https://[a-z]+\\.example\\.com\\S* # SET`));
    });

    it.each(services.filter((s) => s.kind === 'service').map((s) => s.name))('gives %s the same variables in prod as in dev (prod sets what the simulators set in dev)', (service) => {
      expect(Object.keys(configOf('k8s/overlays/prod', service)).sort()).toEqual(Object.keys(configOf('k8s/overlays/dev', service)).sort());
    });

    it('lets the adapters reach the simulators in dev, and the simulators deliver their webhooks to the adapters', () => {
      expect(egressPeers('k8s/overlays/dev', 'erp-adapter').sort()).toEqual(['clm-simulator', 'crm', 'erp-simulator']);
      expect(egressPeers('k8s/overlays/dev', 'contract-adapter').sort()).toEqual(['clm-simulator', 'crm']);
      expect(egressPeers('k8s/overlays/dev', 'erp-simulator')).toEqual(['erp-adapter']);
      expect(egressPeers('k8s/overlays/dev', 'clm-simulator')).toEqual(['contract-adapter']);
      for (const simulator of simulators) expect(named(manifestsOf('k8s/overlays/dev'), 'Service', simulator)).toBeDefined();
    });
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
      const problems = checkManifests(renderKustomization(directory), { allowSecretData: false, complete: true });
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
