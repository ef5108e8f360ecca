import { validate } from 'dockerfile-utils';
import { parseDockerfile, type DockerStage, type ParsedDockerfile } from './dockerfile-instructions';

export type DockerfileRule =
  | 'syntax'
  | 'non-root-user'
  | 'pinned-base-image'
  | 'no-secret-build-args'
  | 'exec-form'
  | 'healthcheck';

export interface DockerfileProblem {
  rule: DockerfileRule;
  line: number;
  message: string;
}

/** Names that must never be an ARG or ENV: their values would be stored in the image's history. */
const SECRET_NAME = /(secret|passw(or)?d|passwd|token|api[_-]?key|private[_-]?key|credential|auth)/i;

/** An exact version tag (x.y.z, optionally with a suffix such as -bookworm-slim) or a digest. */
const PINNED_TAG = /^\d+\.\d+\.\d+([-.][\w.-]+)?$/;

/**
 * The documented exception to the HEALTHCHECK rule: a comment `# healthcheck: none, <why>` in the
 * final stage, e.g. for an image whose health Kubernetes probes check instead.
 */
const HEALTHCHECK_EXCEPTION = /^healthcheck:\s*none\b.+/i;

/** Lints one Dockerfile: dockerfile-utils' validator plus the rules of docs/deploying.md. */
export function lintDockerfile(content: string): DockerfileProblem[] {
  const syntax: DockerfileProblem[] = validate(content).map((diagnostic) => ({
    rule: 'syntax',
    line: diagnostic.range.start.line + 1,
    message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
  }));
  const parsed = parseDockerfile(content);
  if (parsed.stages.length === 0) return [...syntax, { rule: 'syntax', line: 1, message: 'no FROM instruction' }];
  return [
    ...syntax,
    ...pinnedBaseImages(parsed),
    ...nonRootUser(parsed),
    ...noSecretBuildArgs(parsed),
    ...execForm(parsed),
    ...healthcheck(parsed),
  ].sort((a, b) => a.line - b.line);
}

function finalStage(parsed: ParsedDockerfile): DockerStage {
  return parsed.stages[parsed.stages.length - 1];
}

function pinnedBaseImages(parsed: ParsedDockerfile): DockerfileProblem[] {
  const stageNames = new Set<string>();
  const problems: DockerfileProblem[] = [];
  for (const stage of parsed.stages) {
    const { image, from } = stage;
    if (!stageNames.has(image.toLowerCase()) && image !== 'scratch') {
      const problem = unpinned(image);
      if (problem) problems.push({ rule: 'pinned-base-image', line: from.line, message: `base image "${image}" ${problem}` });
    }
    if (stage.name) stageNames.add(stage.name.toLowerCase());
  }
  return problems;
}

function unpinned(image: string): string | undefined {
  if (image.includes('$')) return 'is chosen by a build argument: name the pinned image in FROM';
  if (/@sha256:[a-f0-9]{64}$/.test(image)) return undefined;
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.indexOf(':');
  if (colon < 0) return 'has no tag (that means latest): pin an exact version';
  const tag = lastSegment.slice(colon + 1);
  if (tag === 'latest') return 'uses the latest tag: pin an exact version';
  if (!PINNED_TAG.test(tag)) return `uses the moving tag "${tag}": pin an exact version such as 20.20.2-bookworm-slim`;
  return undefined;
}

function nonRootUser(parsed: ParsedDockerfile): DockerfileProblem[] {
  const stage = finalStage(parsed);
  const users = stage.instructions.filter((instruction) => instruction.keyword === 'USER');
  const last = users[users.length - 1];
  if (!last) return [{ rule: 'non-root-user', line: stage.from.line, message: 'the final stage has no USER: the container would run as root' }];
  const user = last.args.split(':')[0];
  if (user === 'root' || user === '0') return [{ rule: 'non-root-user', line: last.line, message: `the final stage runs as "${last.args}": use a non-root user` }];
  return [];
}

function noSecretBuildArgs(parsed: ParsedDockerfile): DockerfileProblem[] {
  const instructions = [...parsed.globalArgs, ...parsed.stages.flatMap((stage) => stage.instructions)];
  return instructions
    .filter((instruction) => instruction.keyword === 'ARG' || instruction.keyword === 'ENV')
    .flatMap((instruction) =>
      declaredNames(instruction.args)
        .filter((name) => SECRET_NAME.test(name))
        .map((name) => ({
          rule: 'no-secret-build-args' as const,
          line: instruction.line,
          message: `${instruction.keyword} ${name} looks like a secret: it would be stored in the image; pass secrets at run time (or with RUN --mount=type=secret)`,
        })),
    );
}

/** Names declared by `ARG A=1 B` or `ENV A=1 B=2` (or the legacy `ENV A 1`). */
function declaredNames(args: string): string[] {
  if (!args.includes('=')) return [args.split(/\s+/)[0]];
  return [...args.matchAll(/(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)(?==|\s|$)/g)].map((match) => match[1]);
}

function execForm(parsed: ParsedDockerfile): DockerfileProblem[] {
  return parsed.stages
    .flatMap((stage) => stage.instructions)
    .filter((instruction) => instruction.keyword === 'CMD' || instruction.keyword === 'ENTRYPOINT')
    .filter((instruction) => !isJsonArray(instruction.args))
    .map((instruction) => ({
      rule: 'exec-form' as const,
      line: instruction.line,
      message: `${instruction.keyword} is in shell form: use the exec form ["executable", "arg"] so signals reach the process`,
    }));
}

function isJsonArray(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string');
  } catch {
    return false;
  }
}

function healthcheck(parsed: ParsedDockerfile): DockerfileProblem[] {
  const stage = finalStage(parsed);
  const check = stage.instructions.find((instruction) => instruction.keyword === 'HEALTHCHECK');
  if (check && !/^NONE$/i.test(check.args.trim())) return [];
  const documented = parsed.comments.some((comment) => comment.line > stage.from.line && HEALTHCHECK_EXCEPTION.test(comment.text));
  if (documented) return [];
  return [
    {
      rule: 'healthcheck',
      line: check?.line ?? stage.from.line,
      message: 'the final stage has no HEALTHCHECK: add one, or document the probes with a comment "# healthcheck: none, <why>"',
    },
  ];
}
