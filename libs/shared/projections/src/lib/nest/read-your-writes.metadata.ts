/** What @ReadYourWrites records on a handler for the interceptor. */
export const READ_YOUR_WRITES = 'switchboard:read-your-writes';

export interface ReadYourWritesConfig {
  projections: readonly string[];
  timeoutMs: number;
}
