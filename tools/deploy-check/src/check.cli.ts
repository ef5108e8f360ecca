import { readFileSync } from 'node:fs';
import { checkCompose } from './compose/compose-check';
import { lintDockerfile } from './dockerfile/dockerfile-lint';
import { checkKustomization, KUSTOMIZATIONS } from './k8s/overlay-check';
import { fromRoot } from './workspace';

/**
 * `npx nx run deploy-check:check`: every deployment check on the real files, problems listed one
 * per line (the specs run the same checks in `npx nx test deploy-check`).
 */
const problems: string[] = [];
for (const problem of lintDockerfile(readFileSync(fromRoot('docker/Dockerfile'), 'utf8'))) {
  problems.push(`docker/Dockerfile:${problem.line} [${problem.rule}] ${problem.message}`);
}
for (const problem of checkCompose(readFileSync(fromRoot('docker/compose.yaml'), 'utf8'))) {
  problems.push(`docker/compose.yaml ${problem.path}: ${problem.message}`);
}
for (const kustomization of KUSTOMIZATIONS) {
  for (const problem of checkKustomization(kustomization).problems) {
    problems.push(`${kustomization.directory} ${problem.object}${problem.path} [${problem.rule}] ${problem.message}`);
  }
}
for (const line of problems) console.error(line);
console.log(problems.length === 0 ? 'deploy-check: Dockerfile, compose file and kustomize overlays are valid' : `deploy-check: ${problems.length} problem(s)`);
process.exitCode = problems.length === 0 ? 0 : 1;
