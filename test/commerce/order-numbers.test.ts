import { normalizeOrderNumber } from '../../commerce';

describe('normalizeOrderNumber', () => {
  it.each([
    ['A1B2C3', 'A1B2C3'],
    ['a1b2c3', 'A1B2C3'],
    ['#A1B2C3', 'A1B2C3'],
    ['  # a1b2c3 ', 'A1B2C3'],
    ['##ord-2024_7', 'ORD-2024_7'],
    ['＃ａ１ｂ２ｃ３', 'A1B2C3'],
  ])('reads %j as %j', (input, expected) => {
    expect(normalizeOrderNumber(input)).toBe(expected);
  });

  it.each([[''], ['#'], ['A1 B2'], ['-A1'], ['A1B2C3!'], ['x'.repeat(65)]])('refuses %j', (input) => {
    expect(normalizeOrderNumber(input)).toBeUndefined();
  });
});
