import { jsonErrorOffset } from '../../../knowledge/import/json-error-position';

describe('jsonErrorOffset', () => {
  it('finds nothing wrong with valid JSON', () => {
    for (const text of ['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"], "b": {}} ', '"s"', '0']) expect(jsonErrorOffset(text)).toBeUndefined();
  });

  it('points at a trailing comma, which V8 reports without a position', () => {
    const text = '{"a": [1, 2,\n]}';
    expect(jsonErrorOffset(text)).toBe(text.indexOf(']'));
  });

  it('points at a missing comma, a bad literal, an unquoted key and a control character in a string', () => {
    expect(jsonErrorOffset('{"a": 1 "b": 2}')).toBe(8);
    expect(jsonErrorOffset('[tru]')).toBe(1);
    expect(jsonErrorOffset('{a: 1}')).toBe(1);
    expect(jsonErrorOffset('["x\ny"]')).toBe(3);
  });

  it('points at text after the value and at a missing end', () => {
    expect(jsonErrorOffset('{} x')).toBe(3);
    expect(jsonErrorOffset('[1, 2')).toBe(5);
  });

  it('agrees with JSON.parse on what is valid', () => {
    for (const text of ['01', '1.', '.5', '+1', '"\\x"', '[,]', '{"a":}', 'nul', '{"a":1,}']) {
      expect(() => JSON.parse(text)).toThrow();
      expect(jsonErrorOffset(text)).toBeDefined();
    }
  });
});
