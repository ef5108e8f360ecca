/**
 * Value checks deciders run on command data. Each returns why the value is wrong, or undefined
 * when it is fine, so every aggregate throws its own error naming the field. They check types
 * too: commands are built from JSON at the edge.
 */
export type Problem = string | undefined;

export function textProblem(value: unknown, maxLength: number): Problem {
  if (typeof value !== 'string') return 'must be a string';
  if (value.trim().length === 0) return 'must not be empty';
  if (value.length > maxLength) return `must be at most ${maxLength} characters`;
  return undefined;
}

export function instantProblem(value: unknown): Problem {
  return value instanceof Date && !Number.isNaN(value.getTime())
    ? undefined
    : 'must be a valid point in time';
}
