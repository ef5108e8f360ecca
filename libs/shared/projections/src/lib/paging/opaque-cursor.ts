import { RequestValidationException } from '@switchboard/observability';

/** What one key of a cursor holds: any string, or an ISO timestamp (`Date.parse` must read it). */
export type CursorKeyKind = 'string' | 'timestamp';

/** The cursor a codec made from `{ key: kind }`: every key a string. */
export type CursorOf<Codec> = Codec extends OpaqueCursor<infer Cursor> ? Cursor : never;

/** Turns where a page ended into a string clients pass back as `?cursor=`, and back again. */
export interface OpaqueCursor<Cursor> {
  encode(cursor: Cursor): string;
  /** A string this codec did not make is a 400 naming `cursor`. */
  decode(text: string): Cursor;
}

/**
 * A codec for keyset pagination cursors: the values of the sort keys of a page's last row, as
 * base64url of a JSON array, so clients treat it as opaque and cannot build one from a guess.
 * Declare the keys in the order of the sort, e.g.
 * `opaqueCursor({ placedAt: 'timestamp', orderId: 'string' })` for `ORDER BY placed_at, order_id`.
 */
export function opaqueCursor<const Keys extends Readonly<Record<string, CursorKeyKind>>>(
  keys: Keys,
): OpaqueCursor<{ readonly [Key in keyof Keys]: string }> {
  type Cursor = { readonly [Key in keyof Keys]: string };
  const names = Object.keys(keys) as (keyof Keys & string)[];
  const fits = (value: unknown, kind: CursorKeyKind) =>
    typeof value === 'string' && (kind === 'string' || !Number.isNaN(Date.parse(value)));
  return {
    encode: (cursor) => Buffer.from(JSON.stringify(names.map((name) => cursor[name]))).toString('base64url'),
    decode(text) {
      try {
        const values: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
        if (Array.isArray(values) && values.length === names.length && names.every((name, i) => fits(values[i], keys[name]))) {
          return Object.fromEntries(names.map((name, i) => [name, values[i]])) as Cursor;
        }
      } catch {
        // falls through to the 400 below
      }
      throw new RequestValidationException([{ field: 'cursor', message: 'cursor must be a nextCursor value from an earlier page' }]);
    },
  };
}
