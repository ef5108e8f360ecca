import { readFileSync } from 'node:fs';
import { fromRoot } from '../workspace';
import { lintDockerfile, type DockerfileRule } from './dockerfile-lint';

const GOOD = `FROM node:20.20.2-bookworm-slim AS build
ARG SERVICE
RUN echo "$SERVICE"

FROM node:20.20.2-bookworm-slim
COPY --from=build /app /app
USER 1000:1000
HEALTHCHECK CMD ["node", "-e", "process.exit(0)"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "main.js"]
`;

function rulesBroken(content: string): DockerfileRule[] {
  return [...new Set(lintDockerfile(content).map((problem) => problem.rule))];
}

describe('lintDockerfile', () => {
  it('passes docker/Dockerfile', () => {
    expect(lintDockerfile(readFileSync(fromRoot('docker/Dockerfile'), 'utf8'))).toEqual([]);
  });

  it('passes a Dockerfile that follows every rule', () => {
    expect(lintDockerfile(GOOD)).toEqual([]);
  });

  it('reports what dockerfile-utils finds (unknown instruction, bad flag)', () => {
    const problems = lintDockerfile(GOOD.replace('USER 1000:1000', 'USER 1000:1000\nCOPPY a b\nHEALTHCHECK --interval=soon CMD ["true"]'));
    expect(problems.filter((p) => p.rule === 'syntax').map((p) => p.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('Unknown instruction: COPPY'), expect.stringContaining('invalid duration soon')]),
    );
  });

  it('rejects a final stage without USER or running as root', () => {
    expect(rulesBroken(GOOD.replace('USER 1000:1000\n', ''))).toEqual(['non-root-user']);
    expect(rulesBroken(GOOD.replace('USER 1000:1000', 'USER root'))).toEqual(['non-root-user']);
    expect(rulesBroken(GOOD.replace('USER 1000:1000', 'USER 0:0'))).toEqual(['non-root-user']);
  });

  it.each([
    ['untagged', 'node'],
    ['latest', 'node:latest'],
    ['a moving major tag', 'node:20-bookworm-slim'],
    ['a build argument', '${BASE_IMAGE}'],
  ])('rejects a base image that is %s', (_case, image) => {
    // (dockerfile-utils also flags the undeclared build argument: that is a syntax problem.)
    const problems = lintDockerfile(GOOD.replace('FROM node:20.20.2-bookworm-slim\n', `FROM ${image}\n`)).filter((p) => p.rule !== 'syntax');
    expect(problems).toEqual([expect.objectContaining({ rule: 'pinned-base-image', line: 5 })]);
  });

  it('accepts a digest-pinned base image and FROM an earlier stage', () => {
    const digest = `node@sha256:${'a'.repeat(64)}`;
    expect(lintDockerfile(GOOD.replace('FROM node:20.20.2-bookworm-slim\n', `FROM ${digest}\n`))).toEqual([]);
    expect(lintDockerfile(GOOD.replace('FROM node:20.20.2-bookworm-slim\n', 'FROM build\n'))).toEqual([]);
  });

  it.each(['ARG NPM_TOKEN', 'ARG DB_PASSWORD=changeme', 'ENV API_KEY=abc', 'ENV LEVEL=1 GITHUB_TOKEN=x'])('rejects a secret-looking build variable: %s', (line) => {
    const problems = lintDockerfile(GOOD.replace('ARG SERVICE', `ARG SERVICE\n${line}`));
    expect(problems).toEqual([expect.objectContaining({ rule: 'no-secret-build-args', line: 3 })]);
  });

  it('rejects CMD and ENTRYPOINT in shell form', () => {
    const problems = lintDockerfile(GOOD.replace('CMD ["node", "main.js"]', 'CMD node main.js').replace('ENTRYPOINT ["/usr/bin/tini", "--"]', 'ENTRYPOINT /usr/bin/tini --'));
    expect(problems.map((p) => [p.rule, p.line])).toEqual([
      ['exec-form', 9],
      ['exec-form', 10],
    ]);
  });

  it('rejects a final stage without HEALTHCHECK unless the exception is documented', () => {
    const without = GOOD.replace('HEALTHCHECK CMD ["node", "-e", "process.exit(0)"]\n', '');
    expect(rulesBroken(without)).toEqual(['healthcheck']);
    expect(rulesBroken(GOOD.replace('HEALTHCHECK CMD ["node", "-e", "process.exit(0)"]', 'HEALTHCHECK NONE'))).toEqual(['healthcheck']);
    expect(lintDockerfile(without.replace('USER 1000:1000', '# healthcheck: none, Kubernetes probes /health/live\nUSER 1000:1000'))).toEqual([]);
  });
});
