import type { Problem } from '@switchboard/decider';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const SHA256 = /^[0-9a-f]{64}$/;

/** A calendar date `YYYY-MM-DD`. */
export function dateProblem(value: unknown): Problem {
  return typeof value === 'string' && DATE.test(value) ? undefined : 'must be a date YYYY-MM-DD';
}

export function percentProblem(value: unknown): Problem {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100 ? undefined : 'must be a number from 0 to 100';
}

export function sha256Problem(value: unknown): Problem {
  return typeof value === 'string' && SHA256.test(value) ? undefined : 'must be a lower-case hex SHA-256 (64 characters)';
}

export function positiveIntegerProblem(value: unknown): Problem {
  return Number.isSafeInteger(value) && (value as number) > 0 ? undefined : 'must be a positive integer';
}
