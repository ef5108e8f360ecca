import { metricSum, type ServiceProcess } from '@switchboard/testing';

/** What an adapter's /metrics says about its callouts to one endpoint so far. */
export interface CalloutTally {
  /** Attempts answered 429. */
  readonly rateLimited: number;
  /** Attempts answered 5xx (the 503 of a system that is down included). */
  readonly serverErrors: number;
  /** Calls that succeeded in the end, retries and waits included. */
  readonly succeeded: number;
  /** Of those, the ones done within `quickSeconds`. */
  readonly succeededQuickly: number;
}

/**
 * The tally of `adapter`'s callouts to `target` (`erp`, `clm`) on `route` (`POST /customers`).
 * `quickSeconds` must be a bucket bound of callout_duration_seconds (e.g. 2.5).
 */
export async function calloutTally(adapter: ServiceProcess, target: string, route: string, quickSeconds: number): Promise<CalloutTally> {
  const of = (labels: Readonly<Record<string, string>>) => labels['target'] === target && labels['endpoint']?.endsWith(` ${route}`);
  const attempts = (result: string) => metricSum(adapter.base, 'switchboard_callout_attempts_total', (l) => of(l) && l['result'] === result);
  const succeededWithin = (le: string) =>
    metricSum(adapter.base, 'switchboard_callout_duration_seconds_bucket', (l) => of(l) && l['outcome'] === 'success' && l['le'] === le);
  const [rateLimited, serverErrors, succeeded, succeededQuickly] = await Promise.all([
    attempts('429'),
    attempts('5xx'),
    succeededWithin('+Inf'),
    succeededWithin(String(quickSeconds)),
  ]);
  return { rateLimited, serverErrors, succeeded, succeededQuickly };
}

/** What happened between two tallies. */
export function tallySince(before: CalloutTally, after: CalloutTally): CalloutTally {
  return {
    rateLimited: after.rateLimited - before.rateLimited,
    serverErrors: after.serverErrors - before.serverErrors,
    succeeded: after.succeeded - before.succeeded,
    succeededQuickly: after.succeededQuickly - before.succeededQuickly,
  };
}
