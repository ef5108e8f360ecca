/** One instruction of a Dockerfile: keyword upper-cased, continuation lines joined. */
export interface DockerInstruction {
  keyword: string;
  args: string;
  /** 1-based line where the instruction starts. */
  line: number;
}

/** A build stage: its FROM and the instructions after it. */
export interface DockerStage {
  from: DockerInstruction;
  image: string;
  name?: string;
  instructions: DockerInstruction[];
}

export interface ParsedDockerfile {
  /** ARGs before the first FROM (the only ones FROM can use). */
  globalArgs: DockerInstruction[];
  stages: DockerStage[];
  /** Full-line comments, with their line numbers. */
  comments: { line: number; text: string }[];
}

/**
 * A small Dockerfile reader for our own rules (dockerfile-utils checks the syntax): comments,
 * `\` continuations and heredoc-free instructions, which is all our Dockerfiles use.
 */
export function parseDockerfile(content: string): ParsedDockerfile {
  const lines = content.split(/\r?\n/);
  const instructions: DockerInstruction[] = [];
  const comments: ParsedDockerfile['comments'] = [];
  let pending: { text: string; line: number } | undefined;
  lines.forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed.startsWith('#')) {
      comments.push({ line: index + 1, text: trimmed.slice(1).trim() });
      return;
    }
    if (!pending && trimmed === '') return;
    const continued = trimmed.endsWith('\\');
    const text = continued ? trimmed.slice(0, -1) : trimmed;
    pending = pending ? { ...pending, text: `${pending.text} ${text}` } : { text, line: index + 1 };
    if (!continued) {
      const [keyword, ...rest] = pending.text.trim().split(/\s+/);
      instructions.push({ keyword: keyword.toUpperCase(), args: rest.join(' '), line: pending.line });
      pending = undefined;
    }
  });
  const globalArgs: DockerInstruction[] = [];
  const stages: DockerStage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const words = instruction.args.split(/\s+/).filter((word) => !word.startsWith('--'));
      const asIndex = words.findIndex((word) => word.toUpperCase() === 'AS');
      stages.push({ from: instruction, image: words[0] ?? '', name: asIndex > 0 ? words[asIndex + 1] : undefined, instructions: [] });
    } else if (stages.length === 0) {
      if (instruction.keyword === 'ARG') globalArgs.push(instruction);
    } else {
      stages[stages.length - 1].instructions.push(instruction);
    }
  }
  return { globalArgs, stages, comments };
}
