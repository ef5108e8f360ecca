import { Document, stringify } from 'yaml';
import type { Catalogue } from '../catalogue/service-catalogue';
import { composeFile } from './compose.file';
import { devSecretLiterals } from './dev-secrets';
import { secretName, serviceConfigLiterals, serviceManifests } from './k8s-service.manifests';
import { NATS_ADMIN_PASSWORD_VARIABLE, natsAuthConf, natsPasswordVariable } from './nats-auth.conf';

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
  for (const service of catalogue) files.set(`k8s/base/services/${service.name}.yaml`, yamlDocuments(serviceManifests(service)));
  files.set(
    'k8s/base/services/kustomization.yaml',
    yamlFile({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: catalogue.map((service) => `${service.name}.yaml`),
      images: catalogue.map((service) => ({ name: `switchboard/${service.name}`, newName: `${release.registry}/${service.name}`, newTag: release.tag })),
      configMapGenerator: catalogue.map((service) => ({ name: `${service.name}-config`, literals: serviceConfigLiterals(service) })),
    }),
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
