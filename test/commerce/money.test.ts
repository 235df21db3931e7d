import { currencyExponent, toMinorUnits } from '../../commerce';

describe('money', () => {
  describe('currencyExponent', () => {
    it.each([
      ['EUR', 2],
      ['USD', 2],
      ['JPY', 0],
      ['KRW', 0],
      ['KWD', 3],
    ])('knows %s has %i decimals', (currency, exponent) => {
      expect(currencyExponent(currency)).toBe(exponent);
    });
  });

  describe('toMinorUnits', () => {
    it.each([
      ['19.99', 'EUR', 1999],
      ['19.9', 'EUR', 1990],
      ['20', 'EUR', 2000],
      ['0.10', 'EUR', 10],
      [19.99, 'EUR', 1999],
      [0.29, 'EUR', 29],
      ['1500', 'JPY', 1500],
      ['1500.00', 'JPY', 1500],
      ['1.234', 'KWD', 1234],
    ] as const)('turns %j %s into %i minor units exactly', (amount, currency, minor) => {
      expect(toMinorUnits(amount, currency)).toBe(minor);
    });

    it.each([['-1'], ['1,99'], ['19.999'], ['abc'], [''], ['1e3'], ['99999999999']])('refuses %j in EUR', (amount) => {
      expect(toMinorUnits(amount, 'EUR')).toBeUndefined();
    });

    it('refuses decimals a currency does not have', () => {
      expect(toMinorUnits('1500.5', 'JPY')).toBeUndefined();
    });
  });
});
