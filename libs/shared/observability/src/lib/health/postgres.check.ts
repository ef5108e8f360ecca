import type { CheckResult, ReadinessCheck } from './readiness-check';

/** Anything that runs SQL: a pg Pool or Client, a TypeORM DataSource or EntityManager. */
export interface SqlQueryable {
  query(sql: string): Promise<unknown>;
}

/** Up when `SELECT 1` succeeds. */
export function postgresCheck(db: SqlQueryable | (() => SqlQueryable)): ReadinessCheck {
  return async (): Promise<CheckResult> => {
    const started = Date.now();
    await (typeof db === 'function' ? db() : db).query('SELECT 1');
    return { status: 'up', latencyMs: Date.now() - started };
  };
}
