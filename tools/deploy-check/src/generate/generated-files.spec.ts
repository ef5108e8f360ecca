import { readdirSync, readFileSync } from 'node:fs';
import { parse, parseAllDocuments } from 'yaml';
import { loadCatalogue, parseCatalogue } from '../catalogue/service-catalogue';
import type { Manifest } from '../k8s/manifest';
import { validateManifest } from '../k8s/schema-validation';
import { fromRoot } from '../workspace';
import { composeValue } from './compose.file';
import { generatedFiles } from './generated-files';

const catalogue = loadCatalogue();

function manifestsIn(text: string): Manifest[] {
  return parseAllDocuments(text).map((document) => document.toJS() as Manifest);
}

describe('generated deployment files', () => {
  it.each([...generatedFiles(catalogue).keys()])('%s is up to date with k8s/services.yaml (run: npx nx run deploy-check:generate)', (file) => {
    expect(readFileSync(fromRoot(file), 'utf8')).toBe(generatedFiles(catalogue).get(file));
  });

  it.each(['k8s/base/services', 'k8s/simulators'])('%s holds only generated files (a removed or moved service leaves none behind)', (directory) => {
    const generated = [...generatedFiles(catalogue).keys()].filter((file) => file.startsWith(`${directory}/`)).map((file) => file.slice(directory.length + 1));
    expect(readdirSync(fromRoot(directory)).sort()).toEqual(generated.sort());
  });

  describe('adapters and simulators', () => {
    const files = generatedFiles(catalogue);
    const manifests = (name: string) => manifestsIn(files.get(`k8s/base/services/${name}.yaml`) ?? files.get(`k8s/simulators/${name}.yaml`)!);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- reads nested fields
    const podOf = (name: string): Record<string, any> => (manifests(name).find((m) => m.kind === 'Deployment') as Record<string, any>)['spec'].template;
    const secretRefs = (container: { env: { name: string; valueFrom: { secretKeyRef: { name: string } } }[] }) =>
      container.env.map((variable) => `${variable.valueFrom.secretKeyRef.name}/${variable.name}`);
    const devSecrets = (parse(files.get('k8s/overlays/dev/secrets/kustomization.yaml')!) as { secretGenerator: { name: string; literals: string[] }[] }).secretGenerator;
    const devValue = (secret: string, key: string) => devSecrets.find((s) => s.name === secret)?.literals.find((l) => l.startsWith(`${key}=`))?.slice(key.length + 1);
    const compose = parse(files.get('docker/compose.yaml')!) as { services: Record<string, { environment: Record<string, string>; depends_on?: Record<string, unknown> }> };

    it('writes valid Kubernetes objects for every adapter and simulator', () => {
      for (const name of ['erp-adapter', 'contract-adapter', 'erp-simulator', 'clm-simulator']) expect(manifests(name).flatMap(validateManifest)).toEqual([]);
    });

    const toService = (name: string) => ({ to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': 'switchboard' } } }], ports: [{ protocol: 'TCP', port: 3000 }] });

    it('lets an adapter reach the CRM and its external endpoints from the base, and nothing else beyond the infrastructure', () => {
      const egress = manifests('erp-adapter').find((m) => m.metadata.name === 'erp-adapter-egress');
      expect(egress?.['spec']).toEqual(
        expect.objectContaining({
          policyTypes: ['Egress'],
          egress: [
            toService('crm'),
            { to: [{ ipBlock: { cidr: '203.0.113.0/24' } }], ports: [{ protocol: 'TCP', port: 443 }] },
            { to: [{ ipBlock: { cidr: '198.51.100.0/24' } }], ports: [{ protocol: 'TCP', port: 443 }] },
          ],
        }),
      );
    });

    it("puts the simulators and the adapters' egress to them and URLs of them in the simulators' Component, and none of it in the base", () => {
      const egress = manifestsIn(files.get('k8s/simulators/services-egress.yaml')!);
      expect(egress.map((policy) => [policy.metadata.name, (policy['spec'] as { egress: unknown[] }).egress])).toEqual([
        ['erp-adapter-egress-simulators', [toService('erp-simulator'), toService('clm-simulator')]],
        ['contract-adapter-egress-simulators', [toService('clm-simulator')]],
      ]);
      const component = parse(files.get('k8s/simulators/kustomization.yaml')!) as { kind: string; resources: string[]; configMapGenerator: unknown[] };
      expect(component.kind).toBe('Component');
      expect(component.resources).toEqual(['erp-simulator.yaml', 'clm-simulator.yaml', 'services-egress.yaml']);
      expect(component.configMapGenerator).toEqual(
        expect.arrayContaining([
          { name: 'erp-adapter-config', behavior: 'merge', literals: ['ERP_BASE_URL=http://erp-simulator/api/v1', 'CLM_BASE_URL=http://clm-simulator/api/v1'] },
          { name: 'contract-adapter-config', behavior: 'merge', literals: ['CLM_BASE_URL=http://clm-simulator'] },
        ]),
      );
      for (const [file, content] of files) if (file.startsWith('k8s/base/')) expect([file, content.match(/[a-z]+-simulator/g)]).toEqual([file, null]);
    });

    it("moves any config value naming a simulator, and any egress to one, out of a service's base objects", () => {
      const text = `
release: { registry: registry.example.com/switchboard, tag: 1.2.3 }
services:
  - { name: crm, kind: service, publishes: crm, localPort: 3001, replicas: { min: 1, max: 1 }, egress: [{ service: billing-simulator }, { service: order }], config: { BILLING_URLS: "http://order/api,http://billing-simulator/api", ORDER_URL: "http://order", RETRIES: 3 } }
  - { name: order, kind: service, publishes: order, localPort: 3002, replicas: { min: 1, max: 1 } }
  - { name: billing-simulator, kind: simulator, localPort: 3101, replicas: { min: 1, max: 1 } }
`;
      const generated = generatedFiles(parseCatalogue(text));
      expect(generated.get('k8s/base/services/kustomization.yaml')).toContain('- SERVICE_NAME=crm\n      - NATS_USER=crm\n      - ORDER_URL=http://order\n      - RETRIES=3\n');
      expect([...generated].filter(([file, content]) => file.startsWith('k8s/base/') && content.includes('billing'))).toEqual([]);
      expect(generated.get('k8s/simulators/kustomization.yaml')).toContain('- name: crm-config\n    behavior: merge\n    literals:\n      - BILLING_URLS=http://order/api,http://billing-simulator/api\n');
      expect(manifestsIn(generated.get('k8s/simulators/services-egress.yaml')!).map((policy) => policy.metadata.name)).toEqual(['crm-egress-simulators']);
    });

    it('gives a simulator its database, its migrations and its webhook secret, but no NATS user and no event store', () => {
      const pod = podOf('erp-simulator');
      expect(pod.spec.initContainers.map((c: { command: string[] }) => c.command)).toEqual([['node', 'migrate.js']]);
      expect(secretRefs(pod.spec.containers[0])).toEqual(['erp-simulator-secrets/DATABASE_URL', 'erp-simulator-secrets/WEBHOOK_SECRET']);
      expect(secretRefs(pod.spec.initContainers[0])).toEqual(secretRefs(pod.spec.containers[0]));
      expect(pod.metadata.labels['switchboard.io/database-client']).toBe('true');
      expect(pod.metadata.labels['switchboard.io/infra-client']).toBeUndefined();
      expect(files.get('k8s/infra/nats/auth.conf')).not.toContain('simulator');
      expect(Object.keys(compose.services['erp-simulator']!.depends_on!)).toEqual(['erp-simulator-migrate', 'postgres']);
      expect(compose.services['erp-simulator']!.environment).not.toHaveProperty('NATS_URL');
    });

    it("gives an adapter its NATS user and its catalogue config and secrets", () => {
      const container = podOf('erp-adapter').spec.containers[0];
      expect(secretRefs(container)).toEqual(['erp-adapter-secrets/DATABASE_URL', 'erp-adapter-secrets/EVENT_STORE_URL', 'erp-adapter-secrets/NATS_PASSWORD', 'erp-adapter-secrets/ERP_WEBHOOK_SECRETS']);
      expect(files.get('k8s/base/services/kustomization.yaml')).toContain('CRM_BASE_URL=http://crm/api/v1');
      expect(files.get('k8s/infra/nats/auth.conf')).toContain('publish: { allow: ["erp.>", "dlq.erp-adapter", "$JS.API.>", "$JS.ACK.>"]');
    });

    it('gives a simulator and its adapter the same obviously-local webhook secret in dev and in compose', () => {
      const erp = devValue('erp-simulator-secrets', 'WEBHOOK_SECRET');
      expect(erp).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}$/);
      expect(Buffer.from(erp!.slice('whsec_'.length), 'base64').toString()).toContain('dev-only');
      expect(devValue('erp-adapter-secrets', 'ERP_WEBHOOK_SECRETS')).toBe(erp);
      expect(devValue('contract-adapter-secrets', 'CLM_WEBHOOK_SECRETS')).toBe(devValue('clm-simulator-secrets', 'WEBHOOK_SECRET'));
      expect(devValue('clm-simulator-secrets', 'WEBHOOK_SECRET')).not.toBe(erp);
      expect(compose.services['erp-adapter']!.environment['ERP_WEBHOOK_SECRETS']).toBe(compose.services['erp-simulator']!.environment['WEBHOOK_SECRET']);
    });

    it('points compose URLs at the container port of a service, and leaves external URLs alone', () => {
      expect(compose.services['erp-simulator']!.environment['WEBHOOK_URLS']).toBe('http://erp-adapter:3000/webhooks/erp');
      expect(compose.services['contract-adapter']!.environment['CRM_BASE_URL']).toBe('http://crm:3000');
      const names = new Set(['crm', 'erp-simulator']);
      expect(composeValue('http://crm/api/v1,https://erp.example.com/hooks,http://erp-simulator', names)).toBe('http://crm:3000/api/v1,https://erp.example.com/hooks,http://erp-simulator:3000');
      expect(composeValue('http://crm:8080/api', names)).toBe('http://crm:8080/api');
    });
  });
});
