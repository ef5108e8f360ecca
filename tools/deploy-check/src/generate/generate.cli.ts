import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadCatalogue } from '../catalogue/service-catalogue';
import { fromRoot } from '../workspace';
import { generatedFiles } from './generated-files';

/** `npx nx run deploy-check:generate`: rewrites the compose file, the services' manifests and the NATS users from k8s/services.yaml. */
for (const [file, content] of generatedFiles(loadCatalogue())) {
  mkdirSync(path.dirname(fromRoot(file)), { recursive: true });
  writeFileSync(fromRoot(file), content);
  console.log(`wrote ${file}`);
}
