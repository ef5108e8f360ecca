// pg's value serialisation has no type declarations of its own.
declare module 'pg/lib/utils' {
  /** The text pg sends for a query parameter (Buffer for bytea, null for NULL). */
  export function prepareValue(value: unknown): string | Buffer | null;
}
