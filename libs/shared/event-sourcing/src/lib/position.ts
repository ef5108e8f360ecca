import type { Position } from './event-store.port';

/** Orders positions as the store reads them: by commit, then prepare. */
export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** `"<commit>.<prepare>"`: how a position travels in JSON, HTTP and checkpoints. */
export function formatPosition(p: Position): string {
  return `${p.commit}.${p.prepare}`;
}

export function parsePosition(text: string): Position {
  const match = /^(\d{1,20})\.(\d{1,20})$/.exec(text);
  if (!match) throw new InvalidPositionError(text);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}

export class InvalidPositionError extends Error {
  constructor(readonly input: string) {
    super(`"${input}" is not a position: expected "<commit>.<prepare>", e.g. "7341.12"`);
    this.name = 'InvalidPositionError';
  }
}
