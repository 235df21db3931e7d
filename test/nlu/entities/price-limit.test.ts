import { findPriceLimit } from '../../../nlu/entities';

describe('findPriceLimit', () => {
  describe('reads an upper bound', () => {
    it.each([
      ['under 50 euros', 'en', { max: 50, currency: 'EUR' }],
      ['¿Me recomiendas unas zapatillas por menos de 50€?', 'es', { max: 50, currency: 'EUR' }],
      ['moins de 50 €', 'fr', { max: 50, currency: 'EUR' }],
      ['bis 80 Euro bitte', 'de', { max: 80, currency: 'EUR' }],
      ['up to $100', 'en', { max: 100, currency: 'USD' }],
      ['no más de 60 €', 'es', { max: 60, currency: 'EUR' }],
      ['sotto i 50 euro', 'it', { max: 50, currency: 'EUR' }],
      ['até R$ 200', 'pt', { max: 200, currency: 'BRL' }],
      ['50€ max', 'es', { max: 50, currency: 'EUR' }],
      ['500元以下的跑鞋', 'zh', { max: 500, currency: 'CNY' }],
    ])('%s', (text, language, expected) => {
      expect(findPriceLimit(text, { language })).toEqual(expected);
    });
  });

  it('reads a bare number after a limit word, leaving the currency to the caller', () => {
    expect(findPriceLimit('algo de menos de 50', { language: 'es' })).toEqual({ max: 50 });
  });

  it('reads a lower bound, and a range', () => {
    expect(findPriceLimit('más de 30 euros', { language: 'es' })).toEqual({ min: 30, currency: 'EUR' });
    expect(findPriceLimit('entre 20 y 40 euros', { language: 'es' })).toEqual({ min: 20, max: 40, currency: 'EUR' });
    expect(findPriceLimit('zwischen 20 und 40 €', { language: 'de' })).toEqual({ min: 20, max: 40, currency: 'EUR' });
  });

  it('sees no budget in numbers without a limit word', () => {
    expect(findPriceLimit('talla 42', { language: 'es' })).toBeUndefined();
    expect(findPriceLimit('I need 2 pairs', { language: 'en' })).toBeUndefined();
    expect(findPriceLimit('something nice', { language: 'en' })).toBeUndefined();
    // "ab" ends "grab", "do" ends "todo": parts of words are not limit words.
    expect(findPriceLimit('grab 3 please', { language: 'en' })).toBeUndefined();
  });
});
