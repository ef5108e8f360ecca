/**
 * Stream names are `<category>-<id>` with no `-` inside the category, so EventStoreDB's
 * `$ce-<category>` projection and prefix filters (`order-`) find every stream of a category.
 */
export function streamName(category: string, id: string): string {
  assertCategory(category);
  if (id.length === 0) throw new InvalidStreamNameError(`stream id for category "${category}" is empty`);
  return `${category}-${id}`;
}

/** Splits a stream name at its first `-`. */
export function parseStreamName(name: string): { category: string; id: string } {
  const dash = name.indexOf('-');
  if (dash <= 0 || dash === name.length - 1) {
    throw new InvalidStreamNameError(`"${name}" is not "<category>-<id>"`);
  }
  return { category: name.slice(0, dash), id: name.slice(dash + 1) };
}

/** The prefix that selects every stream of a category, for subscription filters. */
export function categoryPrefix(category: string): string {
  assertCategory(category);
  return `${category}-`;
}

function assertCategory(category: string): void {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(category)) {
    throw new InvalidStreamNameError(
      `category "${category}" must start with a letter and hold only letters, digits and "_" (no "-"), e.g. "erpCustomerSync"`,
    );
  }
}

export class InvalidStreamNameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidStreamNameError';
  }
}
