import { createHash } from 'node:crypto';

const names = new Map<string, string>();

/**
 * The name a fixed SQL text is prepared under: `prefix` and a hash of the text, so one text is one
 * statement on every connection and two texts never share a name. Only for fixed texts with `$n`
 * parameters: a text built from values would prepare without end.
 */
export function preparedStatementName(prefix: string, text: string): string {
  const cacheKey = `${prefix}\u0000${text}`;
  let name = names.get(cacheKey);
  if (!name) {
    name = `${prefix}${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(cacheKey, name);
  }
  return name;
}
