/**
 * Value checks the deciders run on command data. Each returns why the value is wrong, or
 * undefined when it is fine, so every aggregate throws its own error naming the field.
 * They check types too: commands are built from JSON at the edge.
 */
import { textProblem, type Problem } from '@switchboard/decider';

import { isCountryCode } from './country-codes';

// Deliberately loose (one @, a dot in the domain, no spaces): mail servers are the real judge.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function emailProblem(value: unknown): Problem {
  return textProblem(value, 254) ?? (EMAIL.test(value as string) ? undefined : 'must be an e-mail address');
}

export function countryProblem(value: unknown): Problem {
  return isCountryCode(value) ? undefined : 'must be an ISO 3166-1 alpha-2 country code such as "DE"';
}

export function httpUrlProblem(value: unknown): Problem {
  if (typeof value !== 'string') return 'must be a string';
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:' ? undefined : 'must be an http or https URL';
  } catch {
    return 'must be an absolute URL';
  }
}
