/**
 * Subject names: `<context>.<what happened>`, dot-separated tokens, each token lower-case words
 * joined by `-` (`crm.customer.won`, `order.status-changed`, `contract.signed-copy.stored`).
 */
const TOKEN = '[a-z][a-z0-9]*(?:-[a-z0-9]+)*';
const SUBJECT_NAME = new RegExp(`^${TOKEN}(?:\\.${TOKEN})+$`);

export function isSubjectName(value: string): boolean {
  return SUBJECT_NAME.test(value);
}

export function assertSubjectName(value: string): string {
  if (!isSubjectName(value)) {
    throw new Error(
      `invalid subject name "${value}": expected dot-separated tokens of lower-case words joined by "-", e.g. "order.status-changed"`,
    );
  }
  return value;
}
