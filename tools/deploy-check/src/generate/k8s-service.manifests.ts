import { CONTAINER_PORT, type DeployableService, type EgressTarget } from '../catalogue/service-catalogue';
import { DATABASE_CLIENT, INFRA_CLIENT, serviceSelector } from './labels';

type Manifest = Record<string, unknown>;

/** The ConfigMap every service reads first (k8s/base/common.env, merged by the overlays). */
export const COMMON_CONFIG = 'switchboard-config';

/** Grace period after SIGTERM; must exceed SHUTDOWN_TIMEOUT_MS (k8s/base/common.env), which the policy check proves. */
export const TERMINATION_GRACE_SECONDS = 30;

/** The image's non-root user (USER in docker/Dockerfile). */
export const APP_UID = 1000;

/** Keys of `<service>-secrets` every event-sourced service reads; a simulator reads only DATABASE_URL. */
export const SERVICE_SECRET_KEYS = ['DATABASE_URL', 'EVENT_STORE_URL', 'NATS_PASSWORD'] as const;

/** Keys of `<service>-secrets`, created by the operator (prod) or the dev overlay's secretGenerator: its kind's, then its `secrets:`. */
export function secretKeys(service: DeployableService): string[] {
  const base = service.kind === 'service' ? SERVICE_SECRET_KEYS : (['DATABASE_URL'] as const);
  return [...base, ...Object.keys(service.secrets ?? {})];
}

export const secretName = (service: DeployableService) => `${service.name}-secrets`;
export const configName = (service: DeployableService) => `${service.name}-config`;

/** The image's entry points (thin shims the Dockerfile writes next to dist/). */
const MIGRATE_COMMAND = ['node', 'migrate.js'];

/** Every Kubernetes object of one service, in the order they are written. */
export function serviceManifests(service: DeployableService): Manifest[] {
  return [serviceAccount(service), deployment(service), kubeService(service), autoscaler(service), disruptionBudget(service), ingressPolicy(service), ...egressPolicy(service)];
}

/** Per-service literals of `<service>-config` (a configMapGenerator, so a change rolls the pods). */
export function serviceConfigLiterals(service: DeployableService): string[] {
  return [
    `SERVICE_NAME=${service.name}`,
    ...(service.kind === 'service' ? [`NATS_USER=${service.name}`] : []),
    ...configLiterals(service.config ?? {}),
  ];
}

/** `config:` entries as configMapGenerator literals. */
export function configLiterals(config: Record<string, string | number | boolean>): string[] {
  return Object.entries(config).map(([key, value]) => `${key}=${String(value)}`);
}

function metadata(service: DeployableService, name = service.name): Manifest {
  return { name, labels: { ...serviceSelector(service.name), 'app.kubernetes.io/component': service.kind } };
}

function podLabels(service: DeployableService): Record<string, string> {
  return {
    ...serviceSelector(service.name),
    'app.kubernetes.io/component': service.kind,
    ...DATABASE_CLIENT,
    ...(service.kind === 'service' ? INFRA_CLIENT : {}),
  };
}

function serviceAccount(service: DeployableService): Manifest {
  // No Kubernetes API access: the token is not even mounted.
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: metadata(service), automountServiceAccountToken: false };
}

function environment(service: DeployableService): Manifest {
  return {
    envFrom: [{ configMapRef: { name: COMMON_CONFIG } }, { configMapRef: { name: configName(service) } }],
    env: secretKeys(service).map((key) => ({ name: key, valueFrom: { secretKeyRef: { name: secretName(service), key } } })),
  };
}

const containerSecurity = {
  runAsNonRoot: true,
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
};

const TMP_MOUNT = [{ name: 'tmp', mountPath: '/tmp' }];

function probe(path: string, periodSeconds: number, failureThreshold: number): Manifest {
  return { httpGet: { path, port: 'http' }, periodSeconds, timeoutSeconds: 3, failureThreshold };
}

function deployment(service: DeployableService): Manifest {
  const image = `switchboard/${service.name}`;
  const migrate = {
    name: 'migrate',
    image,
    // Runs the service's migrations (schema + tables, under an advisory lock: replicas may start together).
    command: MIGRATE_COMMAND,
    ...environment(service),
    resources: { requests: { cpu: '50m', memory: '128Mi' }, limits: { memory: '256Mi' } },
    securityContext: containerSecurity,
    volumeMounts: TMP_MOUNT,
  };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: metadata(service),
    spec: {
      // No `replicas`: the HorizontalPodAutoscaler owns the count (an apply would reset it otherwise).
      revisionHistoryLimit: 5,
      selector: { matchLabels: serviceSelector(service.name) },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: {
        metadata: {
          labels: podLabels(service),
          annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(CONTAINER_PORT), 'prometheus.io/path': '/metrics' },
        },
        spec: {
          serviceAccountName: service.name,
          automountServiceAccountToken: false,
          terminationGracePeriodSeconds: TERMINATION_GRACE_SECONDS,
          securityContext: { runAsNonRoot: true, runAsUser: APP_UID, runAsGroup: APP_UID, seccompProfile: { type: 'RuntimeDefault' } },
          topologySpreadConstraints: [
            { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: serviceSelector(service.name) } },
          ],
          initContainers: [migrate],
          containers: [
            {
              name: service.name,
              image,
              ports: [{ name: 'http', containerPort: CONTAINER_PORT, protocol: 'TCP' }],
              ...environment(service),
              resources: { requests: { cpu: '100m', memory: '192Mi' }, limits: { memory: '512Mi' } },
              // Startup allows 2 minutes (NATS/PostgreSQL may still be coming up); then liveness takes over.
              startupProbe: probe('/health/live', 2, 60),
              livenessProbe: probe('/health/live', 10, 3),
              readinessProbe: probe('/health/ready', 5, 2),
              securityContext: containerSecurity,
              volumeMounts: TMP_MOUNT,
            },
          ],
          volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }],
        },
      },
    },
  };
}

function kubeService(service: DeployableService): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: metadata(service),
    spec: { selector: serviceSelector(service.name), ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }] },
  };
}

function autoscaler(service: DeployableService): Manifest {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: metadata(service),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: service.name },
      minReplicas: service.replicas.min,
      maxReplicas: service.replicas.max,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
    },
  };
}

function disruptionBudget(service: DeployableService): Manifest {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: metadata(service),
    spec: { maxUnavailable: 1, selector: { matchLabels: serviceSelector(service.name) } },
  };
}

function ingressPolicy(service: DeployableService): Manifest {
  // Only the REST/webhook port, from anywhere (ingress controller, other services, Prometheus on /metrics).
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: metadata(service, `${service.name}-ingress`),
    spec: {
      podSelector: { matchLabels: serviceSelector(service.name) },
      policyTypes: ['Ingress'],
      ingress: [{ ports: [{ protocol: 'TCP', port: 'http' }] }],
    },
  };
}

/**
 * `<name>` (default `<service>-egress`): egress from the service's pods to `targets` (default its
 * `egress:`), none when there is no target. NetworkPolicies add up, so the simulators' unit adds its own.
 */
export function egressPolicy(service: DeployableService, name = `${service.name}-egress`, targets: readonly EgressTarget[] = service.egress ?? []): Manifest[] {
  if (targets.length === 0) return [];
  const rules = targets.map((target) =>
    'service' in target
      ? { to: [{ podSelector: { matchLabels: serviceSelector(target.service) } }], ports: [{ protocol: 'TCP', port: CONTAINER_PORT }] }
      : { to: [{ ipBlock: { cidr: target.cidr } }], ports: [{ protocol: 'TCP', port: target.port }] },
  );
  return [
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: metadata(service, name),
      spec: { podSelector: { matchLabels: serviceSelector(service.name) }, policyTypes: ['Egress'], egress: rules },
    },
  ];
}
