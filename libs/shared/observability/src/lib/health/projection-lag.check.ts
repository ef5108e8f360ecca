import type { CheckResult, ReadinessCheck } from './readiness-check';

export interface ProjectionLag {
  readonly name: string;
  /** Events between the store's head and the projection's checkpoint. */
  readonly lag: number | bigint;
}

/** Down when any projection is more than `maxLag` events behind, naming it. */
export function projectionLagCheck(
  lags: () => Promise<readonly ProjectionLag[]> | readonly ProjectionLag[],
  { maxLag }: { maxLag: number },
): ReadinessCheck {
  return async (): Promise<CheckResult> => {
    const current = await lags();
    const projections = Object.fromEntries(current.map((p) => [p.name, Number(p.lag)]));
    const behind = current.filter((p) => Number(p.lag) > maxLag).map((p) => p.name);
    return behind.length > 0
      ? { status: 'down', message: `more than ${maxLag} events behind: ${behind.join(', ')}`, maxLag, projections }
      : { status: 'up', maxLag, projections };
  };
}
