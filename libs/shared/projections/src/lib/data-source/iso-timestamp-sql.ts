/**
 * SQL that writes a timestamp column as JavaScript's `toISOString()` does (UTC, milliseconds), for
 * JSON that PostgreSQL builds itself and a client reads as the API's `date-time` strings.
 */
export function isoTimestampSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
