import { createRequire } from 'node:module';
import { escapeLiteral } from 'pg';

/** pg's own serialisation of a parameter (Buffer for bytea, null for NULL); pg's typings leave it out. */
const { prepareValue } = createRequire(__filename)('pg/lib/utils') as { prepareValue(value: unknown): string | Buffer | null };

/**
 * `sql` with each `$n` replaced by the literal of `parameters[n - 1]`, serialised exactly as pg
 * sends a parameter (JSON, arrays, dates, bytea), so several statements can go to the server in
 * one simple-protocol query: one round trip instead of one per statement. The literals are untyped
 * and take their column's type, as parameters do. Only for SQL we generate: a `$n` inside a
 * string literal or identifier of `sql` would be replaced too.
 */
export function inlineParameters(sql: string, parameters: readonly unknown[]): string {
  return sql.replace(/\$(\d+)/g, (placeholder, index: string) => {
    const i = Number(index) - 1;
    if (i < 0 || i >= parameters.length) throw new Error(`no parameter for ${placeholder} in: ${sql}`);
    return literal(parameters[i]);
  });
}

function literal(value: unknown): string {
  const text = prepareValue(value);
  if (text === null) return 'NULL';
  if (Buffer.isBuffer(text)) return `'\\x${text.toString('hex')}'`;
  return escapeLiteral(text);
}
