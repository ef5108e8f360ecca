import type { Manifest } from './manifest';
import { validateManifest } from './schema-validation';

function deployment(): Manifest {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' }, annotations: { 'example.com/any-key': 'any value' } },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            {
              name: 'web',
              image: 'example/web:1.0.0',
              ports: [{ name: 'http', containerPort: 3000 }],
              resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
              livenessProbe: { httpGet: { path: '/health/live', port: 'http' } },
              env: [{ name: 'A', valueFrom: { secretKeyRef: { name: 's', key: 'a' } } }],
            },
          ],
          volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }],
        },
      },
    },
  };
}

type Mutable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test fixtures reach into nested fields
const container = (m: Manifest): Mutable => (m as Mutable)['spec'].template.spec.containers[0];

describe('validateManifest', () => {
  it('accepts a valid object, free-form maps (labels, annotations, quantities) and int-or-string fields included', () => {
    expect(validateManifest(deployment())).toEqual([]);
  });

  it('rejects a field the schema does not declare, at any depth', () => {
    const manifest = deployment();
    (manifest as Mutable)['spec'].replica = 3;
    container(manifest).livenessProbe.httpGett = { path: '/' };
    container(manifest).resources.limits.memory = '256Mi';
    expect(validateManifest(manifest)).toEqual([
      expect.objectContaining({ rule: 'unknown-field', object: 'Deployment/web', path: '/spec/replica' }),
      expect.objectContaining({ rule: 'unknown-field', path: '/spec/template/spec/containers/0/livenessProbe/httpGett' }),
    ]);
  });

  it('rejects a value of the wrong type', () => {
    const manifest = deployment();
    (manifest as Mutable)['spec'].replicas = 'two';
    container(manifest).ports[0].containerPort = '3000';
    expect(validateManifest(manifest).map((p) => [p.rule, p.path])).toEqual([
      ['schema', '/spec/replicas'],
      ['schema', '/spec/template/spec/containers/0/ports/0/containerPort'],
    ]);
  });

  it('rejects a missing required field', () => {
    const manifest = deployment();
    delete container(manifest).name;
    expect(validateManifest(manifest)).toEqual([expect.objectContaining({ rule: 'schema', message: expect.stringContaining('name') })]);
  });

  it('rejects a kind or apiVersion Kubernetes does not have', () => {
    expect(validateManifest({ ...deployment(), apiVersion: 'apps/v2' })).toEqual([expect.objectContaining({ rule: 'unknown-kind' })]);
    expect(validateManifest({ ...deployment(), kind: 'Deploymnt' })).toEqual([expect.objectContaining({ rule: 'unknown-kind' })]);
  });

  it('accepts Secret data that kustomize wrapped over several lines', () => {
    const secret: Manifest = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { URL: 'cG9zdGdyZXM6Ly91\nOnBAaDo1NDMyL2Q=\n' } };
    expect(validateManifest(secret)).toEqual([]);
  });
});
