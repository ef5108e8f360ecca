import { Document, stringify } from 'yaml';
import type { Catalogue, DeployableService } from '../catalogue/service-catalogue';
import { composeFile } from './compose.file';
import { devSecretLiterals } from './dev-secrets';
import { configLiterals, configName, egressPolicy, secretName, serviceConfigLiterals, serviceManifests } from './k8s-service.manifests';
import { PART_OF } from './labels';
import { NATS_ADMIN_PASSWORD_VARIABLE, natsAuthConf, natsPasswordVariable } from './nats-auth.conf';
import { simulatorNames, splitSimulatorWiring } from './simulator-wiring';

/** The services' NetworkPolicies toward the simulators, in k8s/simulators. */
const SIMULATOR_EGRESS_FILE = 'services-egress.yaml';

const HEADER = 'GENERATED from k8s/services.yaml by `npx nx run deploy-check:generate`: do not edit.';

// YAML 1.1 output quotes yes/no/on/off: docker-compose 1.x and kubectl (YAML 1.1 readers) would
// otherwise read `restart: no` as the boolean false.
function yamlFile(value: unknown, comment = HEADER): string {
  const document = new Document(value, { version: '1.1' });
  document.commentBefore = ` ${comment}`;
  return document.toString({ lineWidth: 0 });
}

function yamlDocuments(values: unknown[]): string {
  return `# ${HEADER}\n` + values.map((value) => `---\n${stringify(value, { lineWidth: 0, version: '1.1' })}`).join('');
}

/** Every generated file (path from the repository root → content). */
export function generatedFiles({ release, services: catalogue }: Catalogue): Map<string, string> {
  const files = new Map<string, string>();
  files.set(
    'docker/compose.yaml',
    yamlFile(
      composeFile(catalogue),
      `${HEADER}\n The whole system on one machine: docker compose -p switchboard -f docker/compose.yaml up --build\n (see docs/deploying.md).`,
    ),
  );
  const simulators = simulatorNames(catalogue);
  const services = catalogue.filter((service) => service.kind === 'service').map((service) => splitSimulatorWiring(service, simulators));
  const standIns = catalogue.filter((service) => simulators.has(service.name));
  const images = (deployables: DeployableService[]) =>
    deployables.map((service) => ({ name: `switchboard/${service.name}`, newName: `${release.registry}/${service.name}`, newTag: release.tag }));
  for (const { own } of services) files.set(`k8s/base/services/${own.name}.yaml`, yamlDocuments(serviceManifests(own)));
  files.set(
    'k8s/base/services/kustomization.yaml',
    yamlFile({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: services.map(({ own }) => `${own.name}.yaml`),
      images: images(services.map(({ own }) => own)),
      configMapGenerator: services.map(({ own }) => ({ name: configName(own), literals: serviceConfigLiterals(own) })),
    }),
  );
  for (const simulator of standIns) files.set(`k8s/simulators/${simulator.name}.yaml`, yamlDocuments(serviceManifests(simulator)));
  const egressToSimulators = services.flatMap(({ own, wiring }) => egressPolicy(own, `${own.name}-egress-simulators`, wiring.egress));
  if (egressToSimulators.length > 0) files.set(`k8s/simulators/${SIMULATOR_EGRESS_FILE}`, yamlDocuments(egressToSimulators));
  files.set(
    'k8s/simulators/kustomization.yaml',
    yamlFile(
      {
        apiVersion: 'kustomize.config.k8s.io/v1alpha1',
        kind: 'Component',
        // The base labels its generated ConfigMaps so; a Component's `labels` would relabel the whole overlay.
        generatorOptions: { labels: PART_OF },
        resources: [...standIns.map((simulator) => `${simulator.name}.yaml`), ...(egressToSimulators.length > 0 ? [SIMULATOR_EGRESS_FILE] : [])],
        images: images(standIns),
        configMapGenerator: [
          ...standIns.map((simulator) => ({ name: configName(simulator), literals: serviceConfigLiterals(simulator) })),
          // The services' variables that name a simulator, merged into their <service>-config.
          ...services
            .filter(({ wiring }) => Object.keys(wiring.config).length > 0)
            .map(({ own, wiring }) => ({ name: configName(own), behavior: 'merge', literals: configLiterals(wiring.config) })),
        ],
      },
      `${HEADER}\n The simulators (kind: simulator) as a kustomize Component: their objects, and the services' wiring to\n them (the URLs of their config, their egress). The dev overlay includes it; prod does not (docs/deploying.md).`,
    ),
  );
  files.set('k8s/infra/nats/auth.conf', natsAuthConf(catalogue));
  const natsServices = catalogue.filter((service) => service.kind === 'service');
  files.set(
    'k8s/overlays/dev/secrets/kustomization.yaml',
    yamlFile(
      {
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
        secretGenerator: [
          ...catalogue.map((service) => ({ name: secretName(service), literals: devSecretLiterals(service) })),
          {
            name: 'nats-users',
            literals: [
              `${NATS_ADMIN_PASSWORD_VARIABLE}=dev-only-nats-admin`,
              ...natsServices.map((service) => `${natsPasswordVariable(service.name)}=dev-only-nats-${service.name}`),
            ],
          },
          { name: 'postgres-credentials', literals: ['POSTGRES_USER=switchboard', 'POSTGRES_PASSWORD=dev-only-password', 'POSTGRES_DB=switchboard'] },
        ],
      },
      `${HEADER}\n Dev overlay only: obviously-local credentials, so the dev cluster runs without setup. Prod never uses these.`,
    ),
  );
  return files;
}
