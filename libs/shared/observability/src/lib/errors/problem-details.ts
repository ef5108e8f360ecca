/** A field a request got wrong, as a client can show it next to the input. */
export interface FieldError {
  /** The path in the request body, e.g. `lines[0].quantity`. */
  readonly field: string;
  readonly message: string;
}

/** An RFC 9457 problem details body (`application/problem+json`). */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  /** Extension members. */
  readonly [extension: string]: unknown;
}

export const PROBLEM_JSON = 'application/problem+json';

/** Type URI of a problem we define: a stable code clients can match on. */
export function problemType(code: string): string {
  return `urn:switchboard:problem:${code}`;
}
