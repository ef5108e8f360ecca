import { fromRoot } from '../workspace';
import { renderKustomization } from './kustomize-render';
import type { Manifest } from './manifest';
import { checkPolicies } from './policy-checks';

type Mutable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test fixtures reach into nested fields

// The real prod overlay, rendered once; each test breaks a fresh copy of it.
const prod = renderKustomization(fromRoot('k8s/overlays/prod'));
const fresh = (): Manifest[] => structuredClone(prod);
const find = (manifests: Manifest[], kind: string, name: string) => manifests.find((m) => m.kind === kind && m.metadata.name === name) as Mutable;
const orderPod = (manifests: Manifest[]) => find(manifests, 'Deployment', 'order')['spec'].template.spec;

function rulesBroken(manifests: Manifest[], allowSecretData = false) {
  return checkPolicies(manifests, { allowSecretData, complete: true }).map((p) => [p.rule, p.object, p.path]);
}

describe('checkPolicies', () => {
  it('passes the prod overlay as it is', () => {
    expect(checkPolicies(prod, { allowSecretData: false, complete: true })).toEqual([]);
  });

  it('rejects, in a whole deployment, a NetworkPolicy for or toward pods it does not run and a URL to a Service it does not have', () => {
    const manifests = fresh();
    const toSimulator = { to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'erp-simulator' } } }], ports: [{ protocol: 'TCP', port: 3000 }] };
    find(manifests, 'NetworkPolicy', 'erp-adapter-egress')['spec'].egress.push(toSimulator);
    find(manifests, 'NetworkPolicy', 'crm-ingress')['spec'].podSelector.matchLabels['app.kubernetes.io/name'] = 'erp-simulator';
    find(manifests, 'ConfigMap', manifests.find((m) => m.metadata.name.startsWith('erp-adapter-config'))!.metadata.name)['data'].ERP_BASE_URL = 'http://erp-simulator/api/v1';
    expect(rulesBroken(manifests).map(([rule, object, path]) => `${rule} ${object} ${path}`)).toEqual([
      'companions Deployment/crm ',
      'reference NetworkPolicy/crm-ingress /spec/podSelector',
      'reference NetworkPolicy/erp-adapter-egress /spec/egress/3/to/0/podSelector',
      expect.stringMatching(/^reference ConfigMap\/erp-adapter-config-\S+ \/data\/ERP_BASE_URL$/),
    ]);
    // The base on its own is not a whole deployment: its NATS comes from the overlay.
    expect(checkPolicies(manifests, { allowSecretData: false }).filter((p) => p.rule === 'reference')).toEqual([]);
  });

  it('rejects a container without one of its probes', () => {
    const manifests = fresh();
    delete orderPod(manifests).containers[0].readinessProbe;
    expect(rulesBroken(manifests)).toEqual([['probes', 'Deployment/order', '/spec/template/spec/containers/0/readinessProbe']]);
  });

  it('rejects a container without resource requests or memory limit', () => {
    const manifests = fresh();
    delete orderPod(manifests).initContainers[0].resources.limits;
    expect(rulesBroken(manifests)).toEqual([['resources', 'Deployment/order', '/spec/template/spec/initContainers/0/resources/limits/memory']]);
  });

  it('rejects a writable root filesystem, privilege escalation, kept capabilities and a root pod', () => {
    const manifests = fresh();
    const pod = orderPod(manifests);
    pod.containers[0].securityContext = { ...pod.containers[0].securityContext, readOnlyRootFilesystem: false, allowPrivilegeEscalation: true, capabilities: {} };
    delete pod.securityContext.runAsNonRoot;
    expect(rulesBroken(manifests).map(([rule, , path]) => `${rule} ${path}`)).toEqual([
      'security-context /spec/template/spec/securityContext/runAsNonRoot',
      'security-context /spec/template/spec/containers/0/securityContext/readOnlyRootFilesystem',
      'security-context /spec/template/spec/containers/0/securityContext/allowPrivilegeEscalation',
      'security-context /spec/template/spec/containers/0/securityContext/capabilities',
    ]);
  });

  it('rejects a literal credential in a container, a ConfigMap or a Secret', () => {
    const manifests = fresh();
    orderPod(manifests).containers[0].env[0] = { name: 'DATABASE_URL', value: 'postgres://u:hunter2@db/x' };
    find(manifests, 'ConfigMap', manifests.find((m) => m.metadata.name.startsWith('order-config'))!.metadata.name)['data'].NATS_PASSWORD = 'hunter2';
    manifests.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'order-secrets' }, stringData: { NATS_PASSWORD: 'hunter2' } });
    expect(rulesBroken(manifests).map(([rule, object]) => `${rule} ${object}`)).toEqual([
      expect.stringMatching(/^literal-secret ConfigMap\/order-config-/),
      'literal-secret Deployment/order',
      'literal-secret Secret/order-secrets',
    ]);
  });

  it('lets the dev overlay carry its generated Secrets', () => {
    const manifests = fresh();
    manifests.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'order-secrets' }, data: { NATS_PASSWORD: 'ZGV2' } });
    expect(rulesBroken(manifests, true)).toEqual([]);
  });

  it('rejects a grace period the graceful shutdown does not fit in', () => {
    const manifests = fresh();
    orderPod(manifests).terminationGracePeriodSeconds = 20; // SHUTDOWN_TIMEOUT_MS is 20000 in k8s/base/common.env
    expect(rulesBroken(manifests)).toEqual([['grace-period', 'Deployment/order', '/spec/template/spec/terminationGracePeriodSeconds']]);
  });

  it('rejects an untagged or latest image', () => {
    const manifests = fresh();
    orderPod(manifests).containers[0].image = 'registry.example.com/switchboard/order';
    orderPod(manifests).initContainers[0].image = 'registry.example.com/switchboard/order:latest';
    expect(rulesBroken(manifests).map(([rule, , path]) => `${rule} ${path}`)).toEqual([
      'image-tag /spec/template/spec/containers/0/image',
      'image-tag /spec/template/spec/initContainers/0/image',
    ]);
  });

  it('rejects a Deployment without its HPA, PDB or ingress policy, and an ingress rule open on every port', () => {
    const manifests = fresh().filter((m) => !(m.metadata.name === 'order' && ['HorizontalPodAutoscaler', 'PodDisruptionBudget'].includes(m.kind)));
    delete find(manifests, 'NetworkPolicy', 'crm-ingress')['spec'].ingress[0].ports;
    expect(rulesBroken(manifests).map(([rule, object]) => `${rule} ${object}`)).toEqual([
      'network-policy NetworkPolicy/crm-ingress',
      'companions Deployment/order',
      'companions Deployment/order',
    ]);
  });

  it('rejects an overlay without a default-deny NetworkPolicy', () => {
    expect(rulesBroken(fresh().filter((m) => m.metadata.name !== 'default-deny-all'))).toEqual([['network-policy', 'NetworkPolicy/*', '']]);
  });
});
