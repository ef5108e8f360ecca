import { createTestSchema } from '@switchboard/testing';
import { isoTimestampSql } from '../src';

describe('isoTimestampSql', () => {
  it('writes a timestamp as toISOString() does, whatever the session time zone', async () => {
    const schema = await createTestSchema('iso');
    const client = await schema.pool.connect();
    try {
      const at = new Date('2025-04-03T10:00:07.045Z');
      await client.query("SET TIME ZONE 'America/New_York'");
      const { rows } = await client.query<{ iso: string; empty: string | null }>(
        `SELECT ${isoTimestampSql('$1::timestamptz(3)')} AS iso, ${isoTimestampSql('NULL::timestamptz')} AS empty`,
        [at],
      );
      expect(rows[0]).toEqual({ iso: at.toISOString(), empty: null });
    } finally {
      client.release();
      await schema.drop();
    }
  });
});
