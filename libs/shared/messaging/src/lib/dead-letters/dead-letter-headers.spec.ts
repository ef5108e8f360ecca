import { headerSafe } from './dead-letter-headers';

describe('headerSafe', () => {
  it('flattens a multi-line error into one header line', () => {
    expect(headerSafe('Error: boom\n    at handler (x.ts:1)\r\n')).toBe('Error: boom     at handler (x.ts:1)');
  });

  it('cuts long values', () => {
    expect(headerSafe('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
