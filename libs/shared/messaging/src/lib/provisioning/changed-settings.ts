/**
 * The settings in `desired` whose value differs from `actual` (the server's config). Only keys
 * present in `desired` count: the server fills in defaults for everything we leave out.
 */
export function changedSettings<T extends object>(desired: Partial<T>, actual: T): (keyof T & string)[] {
  return (Object.keys(desired) as (keyof T & string)[]).filter(
    (key) => desired[key] !== undefined && !sameValue(desired[key], actual[key]),
  );
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  }
  return a === b;
}

export class ProvisioningError extends Error {
  override readonly name = 'ProvisioningError';
}

/** Throws when a setting that the server cannot change in place differs. */
export function assertNoImmutableChange(kind: string, name: string, changed: readonly string[], immutable: readonly string[], describe: (key: string) => string): void {
  const blocked = changed.filter((key) => immutable.includes(key));
  if (blocked.length > 0) {
    throw new ProvisioningError(
      `${kind} "${name}" exists with a different ${blocked.map(describe).join(', ')}, which cannot be changed in place: ` +
        `migrate it by hand (create a new ${kind}, move traffic, delete the old one) or restore the previous setting`,
    );
  }
}

/** `max_age 100 → 200`, for logs and errors. */
export function describeChange(key: string, from: unknown, to: unknown): string {
  return `${key} ${JSON.stringify(from)} → ${JSON.stringify(to)}`;
}
