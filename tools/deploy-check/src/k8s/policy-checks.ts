import { SECRET_VARIABLE } from '../catalogue/service-catalogue';
import { objectId, type Manifest, type ManifestProblem, type ManifestRule } from './manifest';

/** observability's BaseConfig default, when no ConfigMap sets SHUTDOWN_TIMEOUT_MS. */
const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job']);

export interface PolicyOptions {
  /** Whether Secret objects may carry data (only the dev overlay's generated, obviously-local ones). */
  allowSecretData: boolean;
  /**
   * Whether the objects are a whole deployment (an overlay, not the base): then every reference
   * inside the namespace resolves in them (see referenceProblems).
   */
  complete?: boolean;
}

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: unknown; configMapKeyRef?: unknown };
}

interface Probe {
  httpGet?: unknown;
  exec?: unknown;
  tcpSocket?: unknown;
  grpc?: unknown;
}

interface SecurityContext {
  runAsNonRoot?: boolean;
  readOnlyRootFilesystem?: boolean;
  allowPrivilegeEscalation?: boolean;
  capabilities?: { drop?: string[] };
  seccompProfile?: { type?: string };
}

interface Container {
  name: string;
  image?: string;
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string } }[];
  resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
  startupProbe?: Probe;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  securityContext?: SecurityContext;
  ports?: { name?: string; containerPort: number }[];
}

interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  securityContext?: SecurityContext;
  terminationGracePeriodSeconds?: number;
}

interface PodTemplate {
  metadata?: { labels?: Record<string, string> };
  spec: PodSpec;
}

function podTemplate(manifest: Manifest): PodTemplate | undefined {
  const spec = manifest['spec'] as { template?: PodTemplate } | undefined;
  return WORKLOADS.has(manifest.kind) ? spec?.template : undefined;
}

/**
 * The deployment rules of docs/deploying.md over a rendered overlay: every workload has probes,
 * resources, a locked-down securityContext and a pinned image; every Deployment has its Service,
 * HPA, PDB and an ingress policy, and a grace period longer than its shutdown timeout; credentials
 * come from Secrets only; a default-deny NetworkPolicy exists; in a whole deployment, every
 * NetworkPolicy and ConfigMap URL names something it runs.
 */
export function checkPolicies(manifests: readonly Manifest[], options: PolicyOptions): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const report = (rule: ManifestRule, manifest: Manifest, path: string, message: string) => problems.push({ rule, object: objectId(manifest), path, message });
  const configMaps = new Map(manifests.filter((m) => m.kind === 'ConfigMap').map((m) => [m.metadata.name, (m['data'] ?? {}) as Record<string, string>]));

  for (const manifest of manifests) {
    if (manifest.kind === 'Secret' && !options.allowSecretData && (manifest['data'] !== undefined || manifest['stringData'] !== undefined)) {
      report('literal-secret', manifest, '/data', 'a Secret with literal values: reference a Secret the operator creates instead');
    }
    if (manifest.kind === 'ConfigMap') {
      for (const key of Object.keys((manifest['data'] ?? {}) as object).filter((key) => SECRET_VARIABLE.test(key))) {
        report('literal-secret', manifest, `/data/${key}`, `${key} is a credential: put it in a Secret, not a ConfigMap`);
      }
    }
    const template = podTemplate(manifest);
    if (template) problems.push(...workloadProblems(manifest, template, configMaps));
  }
  problems.push(...companionProblems(manifests));
  if (options.complete) problems.push(...referenceProblems(manifests));
  if (!manifests.some(isDefaultDeny)) {
    problems.push({ rule: 'network-policy', object: 'NetworkPolicy/*', path: '', message: 'no default-deny NetworkPolicy (podSelector {} denying Ingress and Egress)' });
  }
  return problems;
}

function workloadProblems(manifest: Manifest, template: PodTemplate, configMaps: Map<string, Record<string, string>>): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const object = objectId(manifest);
  const report = (rule: ManifestRule, path: string, message: string) => problems.push({ rule, object, path, message });
  const pod = template.spec;
  const base = '/spec/template/spec';
  if (pod.securityContext?.runAsNonRoot !== true) report('security-context', `${base}/securityContext/runAsNonRoot`, 'the pod must set runAsNonRoot: true');
  const all: [string, Container][] = [
    ...pod.containers.map((c, i): [string, Container] => [`${base}/containers/${i}`, c]),
    ...(pod.initContainers ?? []).map((c, i): [string, Container] => [`${base}/initContainers/${i}`, c]),
  ];
  for (const [path, container] of all) {
    const security = container.securityContext ?? {};
    if ((pod.securityContext?.seccompProfile ?? security.seccompProfile)?.type !== 'RuntimeDefault') {
      report('security-context', `${path}/securityContext/seccompProfile`, `${container.name}: seccompProfile must be RuntimeDefault (pod or container)`);
    }
    if (security.readOnlyRootFilesystem !== true) report('security-context', `${path}/securityContext/readOnlyRootFilesystem`, `${container.name}: readOnlyRootFilesystem must be true`);
    if (security.allowPrivilegeEscalation !== false) report('security-context', `${path}/securityContext/allowPrivilegeEscalation`, `${container.name}: allowPrivilegeEscalation must be false`);
    if (!security.capabilities?.drop?.includes('ALL')) report('security-context', `${path}/securityContext/capabilities`, `${container.name}: capabilities must drop ALL`);
    if (security.runAsNonRoot === false) report('security-context', `${path}/securityContext/runAsNonRoot`, `${container.name}: overrides runAsNonRoot with false`);
    const { requests = {}, limits = {} } = container.resources ?? {};
    for (const [field, present] of [['requests/cpu', requests['cpu']], ['requests/memory', requests['memory']], ['limits/memory', limits['memory']]] as const) {
      if (present === undefined) report('resources', `${path}/resources/${field}`, `${container.name}: resources.${field.replace('/', '.')} is missing`);
    }
    const tagProblem = imageTagProblem(container.image);
    if (tagProblem) report('image-tag', `${path}/image`, `${container.name}: ${tagProblem}`);
    for (const [i, variable] of (container.env ?? []).entries()) {
      if (SECRET_VARIABLE.test(variable.name) && !variable.valueFrom?.secretKeyRef) {
        report('literal-secret', `${path}/env/${i}`, `${container.name}: ${variable.name} is a credential: take it from a Secret (valueFrom.secretKeyRef)`);
      }
    }
  }
  for (const [i, container] of pod.containers.entries()) {
    for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe'] as const) {
      if (!container[probe]) report('probes', `${base}/containers/${i}/${probe}`, `${container.name}: ${probe} is missing`);
    }
  }
  if (manifest.kind === 'Deployment') {
    const graceMs = (pod.terminationGracePeriodSeconds ?? 30) * 1000;
    for (const container of pod.containers) {
      const timeoutMs = Number(environmentValue(container, 'SHUTDOWN_TIMEOUT_MS', configMaps) ?? DEFAULT_SHUTDOWN_TIMEOUT_MS);
      if (!(graceMs > timeoutMs)) {
        report('grace-period', `${base}/terminationGracePeriodSeconds`, `${container.name}: terminationGracePeriodSeconds (${graceMs} ms) must exceed SHUTDOWN_TIMEOUT_MS (${timeoutMs} ms), or Kubernetes kills the graceful shutdown`);
      }
    }
  }
  return problems;
}

/** The value a container sees: `env` wins over `envFrom`, later `envFrom` entries over earlier ones. */
function environmentValue(container: Container, name: string, configMaps: Map<string, Record<string, string>>): string | undefined {
  const direct = container.env?.find((variable) => variable.name === name);
  if (direct) return direct.value;
  let value: string | undefined;
  for (const source of container.envFrom ?? []) {
    const data = source.configMapRef ? configMaps.get(source.configMapRef.name) : undefined;
    if (data?.[name] !== undefined) value = data[name];
  }
  return value;
}

function imageTagProblem(image: string | undefined): string | undefined {
  if (!image) return 'has no image';
  if (image.includes('@sha256:')) return undefined;
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  if (!lastSegment.includes(':')) return `image "${image}" has no tag (that means latest)`;
  if (lastSegment.endsWith(':latest')) return `image "${image}" uses the latest tag`;
  return undefined;
}

function selects(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([key, value]) => labels?.[key] === value);
}

/** Every Deployment has a Service, an HPA, a PDB and an ingress NetworkPolicy that names its ports. */
function companionProblems(manifests: readonly Manifest[]): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const of = (kind: string) => manifests.filter((m) => m.kind === kind);
  for (const deployment of of('Deployment')) {
    const labels = podTemplate(deployment)?.metadata?.labels;
    const name = deployment.metadata.name;
    const report = (message: string) => problems.push({ rule: 'companions', object: objectId(deployment), path: '', message });
    if (!of('Service').some((s) => selects((s['spec'] as { selector?: Record<string, string> }).selector, labels))) report('no Service selects its pods');
    if (!of('HorizontalPodAutoscaler').some((h) => (h['spec'] as { scaleTargetRef: { kind: string; name: string } }).scaleTargetRef.name === name)) {
      report('no HorizontalPodAutoscaler scales it');
    }
    if (!of('PodDisruptionBudget').some((p) => selects((p['spec'] as { selector?: { matchLabels?: Record<string, string> } }).selector?.matchLabels, labels))) {
      report('no PodDisruptionBudget covers its pods');
    }
    const ingress = of('NetworkPolicy').filter((policy) => {
      const spec = policy['spec'] as { podSelector?: { matchLabels?: Record<string, string> }; policyTypes?: string[] };
      return spec.policyTypes?.includes('Ingress') && selects(spec.podSelector?.matchLabels, labels);
    });
    if (ingress.length === 0) report('no NetworkPolicy admits traffic to its HTTP port');
    for (const policy of ingress) {
      const rules = ((policy['spec'] as { ingress?: { ports?: unknown[] }[] }).ingress ?? []);
      if (rules.some((rule) => !rule.ports?.length)) {
        problems.push({ rule: 'network-policy', object: objectId(policy), path: '/spec/ingress', message: 'an ingress rule without ports admits every port: name the REST/webhook port' });
      }
    }
  }
  return problems;
}

function isDefaultDeny(manifest: Manifest): boolean {
  if (manifest.kind !== 'NetworkPolicy') return false;
  const spec = manifest['spec'] as { podSelector?: Record<string, unknown>; policyTypes?: string[]; ingress?: unknown[]; egress?: unknown[] };
  const selectsAll = Object.keys(spec.podSelector ?? {}).length === 0;
  return selectsAll && !!spec.policyTypes?.includes('Ingress') && !!spec.policyTypes?.includes('Egress') && !spec.ingress?.length && !spec.egress?.length;
}

interface PolicyPeer {
  podSelector?: { matchLabels?: Record<string, string> };
  namespaceSelector?: unknown;
}

interface NetworkPolicySpec {
  podSelector?: { matchLabels?: Record<string, string> };
  ingress?: { from?: PolicyPeer[] }[];
  egress?: { to?: PolicyPeer[] }[];
}

/** `scheme://host` with a one-label host: a Service of the namespace (a dotted host is outside it). */
const IN_NAMESPACE_URL = /\b[a-z][a-z0-9+.-]*:\/\/(?<host>[a-z0-9]([a-z0-9-]*[a-z0-9])?)(?=[:/,\s"']|$)/g;

/**
 * References that must resolve in a whole deployment: a NetworkPolicy's pods and its in-namespace
 * peers are pods of a workload here, and a URL in a ConfigMap to a one-label host is a Service here
 * (a prod overlay calling a simulator it does not deploy fails here, not at run time).
 */
function referenceProblems(manifests: readonly Manifest[]): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const pods = manifests.map((m) => podTemplate(m)?.metadata?.labels).filter((labels): labels is Record<string, string> => labels !== undefined);
  const services = new Set(manifests.filter((m) => m.kind === 'Service').map((m) => m.metadata.name));
  const selectsAPod = (labels: Record<string, string> | undefined) => !labels || Object.keys(labels).length === 0 || pods.some((pod) => selects(labels, pod));
  for (const policy of manifests.filter((m) => m.kind === 'NetworkPolicy')) {
    const report = (path: string, message: string) => problems.push({ rule: 'reference', object: objectId(policy), path, message });
    const spec = policy['spec'] as NetworkPolicySpec;
    if (!selectsAPod(spec.podSelector?.matchLabels)) report('/spec/podSelector', `applies to no pod of this deployment (${JSON.stringify(spec.podSelector?.matchLabels)})`);
    const peers = [
      ...(spec.ingress ?? []).flatMap((rule, i) => (rule.from ?? []).map((peer, j): [string, PolicyPeer] => [`/spec/ingress/${i}/from/${j}`, peer])),
      ...(spec.egress ?? []).flatMap((rule, i) => (rule.to ?? []).map((peer, j): [string, PolicyPeer] => [`/spec/egress/${i}/to/${j}`, peer])),
    ];
    for (const [path, peer] of peers) {
      if (peer.podSelector && !peer.namespaceSelector && !selectsAPod(peer.podSelector.matchLabels)) {
        report(`${path}/podSelector`, `names pods this deployment does not run (${JSON.stringify(peer.podSelector.matchLabels)})`);
      }
    }
  }
  for (const configMap of manifests.filter((m) => m.kind === 'ConfigMap')) {
    for (const [key, value] of Object.entries((configMap['data'] ?? {}) as Record<string, string>)) {
      for (const host of [...value.matchAll(IN_NAMESPACE_URL)].map((match) => match.groups?.['host'] ?? '')) {
        if (!services.has(host)) problems.push({ rule: 'reference', object: objectId(configMap), path: `/data/${key}`, message: `calls ${host}, which is no Service of this deployment` });
      }
    }
  }
  return problems;
}
