/**
 * Value checks the Order decider runs on command data. Each returns why the value is wrong, or
 * undefined when it is fine, so the decider throws one error naming the field. They check
 * types too: commands are built from JSON at the edge.
 */
import type { Problem } from '@switchboard/decider';

export function currencyProblem(value: unknown): Problem {
  return typeof value === 'string' && /^[A-Z]{3}$/.test(value)
    ? undefined
    : 'must be an ISO 4217 code of three upper-case letters such as "EUR"';
}

// See DecimalAmount: plain digits, no sign, no exponent, no leading zeros, up to 4 decimals.
const DECIMAL_AMOUNT = /^(0|[1-9][0-9]{0,14})(\.[0-9]{1,4})?$/;

export function decimalAmountProblem(value: unknown): Problem {
  return typeof value === 'string' && DECIMAL_AMOUNT.test(value)
    ? undefined
    : 'must be a non-negative decimal string with up to 4 decimals such as "12.50"';
}

export function positiveIntegerProblem(value: unknown): Problem {
  return Number.isSafeInteger(value) && (value as number) > 0 ? undefined : 'must be a whole number above 0';
}

export function nonNegativeIntegerProblem(value: unknown): Problem {
  return Number.isSafeInteger(value) && (value as number) >= 0
    ? undefined
    : 'must be a whole number, 0 or above';
}
