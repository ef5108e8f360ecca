import { Injectable, type FactoryProvider, type InjectionToken } from '@nestjs/common';

/** What a dependency check found; the other keys are details shown on /health/ready. */
export type CheckResult = { readonly status: 'up' | 'down' } & Readonly<Record<string, unknown>>;

/** Probes one dependency. Throwing counts as down (the message is shown). */
export type ReadinessCheck = () => Promise<CheckResult>;

/**
 * The dependency checks behind /health/ready. Filled by `readinessCheck(...)` providers, or by a
 * library module that injects it and calls `register` when it starts.
 */
@Injectable()
export class ReadinessChecks {
  private readonly checks = new Map<string, ReadinessCheck>();

  register(key: string, check: ReadinessCheck): void {
    if (this.checks.has(key)) throw new Error(`a readiness check named "${key}" is already registered`);
    this.checks.set(key, check);
  }

  entries(): ReadonlyArray<readonly [string, ReadinessCheck]> {
    return [...this.checks];
  }
}

let providerCount = 0;

/**
 * A provider that adds a check to /health/ready: put it in any module's `providers`, one line
 * per dependency, e.g. `readinessCheck('postgres', [DataSource], (ds: DataSource) => postgresCheck(ds))`.
 * It is resolved in that module, so it can inject what that module sees.
 */
export function readinessCheck<Deps extends unknown[]>(
  key: string,
  inject: { [K in keyof Deps]: InjectionToken },
  create: (...deps: Deps) => ReadinessCheck,
): FactoryProvider<string> {
  return {
    provide: `switchboard:readiness-check:${key}:${++providerCount}`,
    inject: [ReadinessChecks, ...inject],
    useFactory: (checks: ReadinessChecks, ...deps: unknown[]) => {
      checks.register(key, create(...(deps as Deps)));
      return key;
    },
  };
}
