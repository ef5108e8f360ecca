import type { CheckResult, ReadinessCheck } from './readiness-check';

/** The part of the EventStore port (libs/shared/event-sourcing) this needs; matched structurally so this lib imports none of its users. */
export interface HasHeadPosition {
  headPosition(): Promise<{ readonly commit: bigint; readonly prepare: bigint } | null>;
}

/** Up when the store answers for its head position ("commit.prepare", or null when empty). */
export function eventStoreCheck(store: HasHeadPosition): ReadinessCheck {
  return async (): Promise<CheckResult> => {
    const head = await store.headPosition();
    return { status: 'up', headPosition: head ? `${head.commit}.${head.prepare}` : null };
  };
}
