import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { loadCatalogue, type Catalogue } from '../catalogue/service-catalogue';
import type { Manifest } from '../k8s/manifest';
import { validateManifest } from '../k8s/schema-validation';
import { fromRoot } from '../workspace';
import { generatedFiles } from './generated-files';

const catalogue = loadCatalogue();

function manifestsIn(text: string): Manifest[] {
  return parseAllDocuments(text).map((document) => document.toJS() as Manifest);
}

describe('generated deployment files', () => {
  it.each([...generatedFiles(catalogue).keys()])('%s is up to date with k8s/services.yaml (run: npx nx run deploy-check:generate)', (file) => {
    expect(readFileSync(fromRoot(file), 'utf8')).toBe(generatedFiles(catalogue).get(file));
  });

  describe('for services still to come', () => {
    const future: Catalogue = {
      ...catalogue,
      services: [
        ...catalogue.services,
        { name: 'erp-simulator', kind: 'simulator', localPort: 3101, replicas: { min: 1, max: 1 } },
        {
          name: 'erp-adapter',
          kind: 'service',
          publishes: 'erp',
          localPort: 3003,
          replicas: { min: 2, max: 4 },
          egress: [{ service: 'erp-simulator' }, { cidr: '203.0.113.0/24', port: 443 }],
        },
      ],
    };
    const files = generatedFiles(future);

    it('writes valid Kubernetes objects for an adapter and a simulator', () => {
      for (const name of ['erp-adapter', 'erp-simulator']) {
        expect(manifestsIn(files.get(`k8s/base/services/${name}.yaml`)!).flatMap(validateManifest)).toEqual([]);
      }
    });

    it("lets an adapter reach its external endpoints and nothing else beyond the infrastructure", () => {
      const egress = manifestsIn(files.get('k8s/base/services/erp-adapter.yaml')!).find((m) => m.metadata.name === 'erp-adapter-egress');
      expect(egress?.['spec']).toEqual(
        expect.objectContaining({
          policyTypes: ['Egress'],
          egress: [
            { to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'erp-simulator', 'app.kubernetes.io/part-of': 'switchboard' } } }], ports: [{ protocol: 'TCP', port: 3000 }] },
            { to: [{ ipBlock: { cidr: '203.0.113.0/24' } }], ports: [{ protocol: 'TCP', port: 443 }] },
          ],
        }),
      );
    });

    it('gives a simulator no database, no NATS user and no migrations', () => {
      const deployment = manifestsIn(files.get('k8s/base/services/erp-simulator.yaml')!).find((m) => m.kind === 'Deployment') as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- reads nested fields
      const pod = deployment['spec'].template.spec;
      expect(pod.initContainers).toBeUndefined();
      expect(pod.containers[0].env).toBeUndefined();
      expect(deployment['spec'].template.metadata.labels['switchboard.io/infra-client']).toBeUndefined();
      expect(files.get('k8s/infra/nats/auth.conf')).not.toContain('erp-simulator');
      expect(files.get('k8s/infra/nats/auth.conf')).toContain('publish: { allow: ["erp.>", "dlq.erp-adapter", "$JS.API.>", "$JS.ACK.>"]');
      expect(files.get('docker/compose.yaml')).not.toContain('erp-simulator-migrate');
    });
  });
});
