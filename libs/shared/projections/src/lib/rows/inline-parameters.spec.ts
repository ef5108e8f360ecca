import { inlineParameters } from './inline-parameters';

describe('inlineParameters', () => {
  it('replaces each placeholder by its literal, repeated and out of order ones included', () => {
    expect(inlineParameters('UPDATE t SET a = $2, b = $1 WHERE k = $2', ['x', 'y'])).toBe(
      "UPDATE t SET a = 'y', b = 'x' WHERE k = 'y'",
    );
  });

  it('tells $1 from $10', () => {
    const parameters = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(inlineParameters('VALUES ($1, $10)', parameters)).toBe("VALUES ('1', '10')");
  });

  it('serialises values as pg sends parameters: quotes and backslashes escaped, NULL, JSON, arrays, bytea', () => {
    expect(inlineParameters('$1', ["it's"])).toBe("'it''s'");
    expect(inlineParameters('$1', ['a\\b'])).toBe(" E'a\\\\b'");
    expect(inlineParameters('$1 $2', [null, undefined])).toBe('NULL NULL');
    expect(inlineParameters('$1', [JSON.stringify({ note: "o'clock" })])).toBe(`'{"note":"o''clock"}'`);
    expect(inlineParameters('$1', [['a', 'b,c']])).toBe(`'{"a","b,c"}'`);
    expect(inlineParameters('$1', [true])).toBe("'true'");
    expect(inlineParameters('$1', [Buffer.from([1, 255])])).toBe("'\\x01ff'");
  });

  it('refuses a placeholder without a parameter', () => {
    expect(() => inlineParameters('SELECT $2', ['only one'])).toThrow('no parameter for $2');
  });
});
