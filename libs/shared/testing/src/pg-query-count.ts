import { Client } from 'pg';

/**
 * Runs `work` and counts the queries every pg client of this process sent meanwhile (counted, not
 * changed): for tests that prove a round-trip budget, such as a batch costing one query.
 */
export async function countingPgQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const query = Client.prototype.query;
  let queries = 0;
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    queries++;
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    const result = await work();
    return { result, queries };
  } finally {
    Client.prototype.query = query;
  }
}
