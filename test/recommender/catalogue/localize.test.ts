import { languageCandidates, pickPrice, pickText, shipsToCountry } from '../../../recommender/catalogue';

describe('localising a product', () => {
  describe('languageCandidates', () => {
    it('tries the exact tag first, then less specific ones, in lower case', () => {
      expect(languageCandidates('zh-Hant-TW')).toEqual(['zh-hant-tw', 'zh-hant', 'zh']);
      expect(languageCandidates('pt_BR')).toEqual(['pt-br', 'pt']);
      expect(languageCandidates('es')).toEqual(['es']);
    });
  });

  describe('pickText', () => {
    const own = { language: 'en', value: 'Trail Shoe' };
    const translations = { es: 'Zapatilla', 'pt-br': 'Tênis de trilha' };

    it('answers the exact translation, then the language without region, then the product’s own text', () => {
      expect(pickText(own, translations, 'pt-BR')).toEqual({ language: 'pt-br', value: 'Tênis de trilha' });
      expect(pickText(own, translations, 'es-MX')).toEqual({ language: 'es', value: 'Zapatilla' });
      expect(pickText(own, translations, 'de')).toEqual(own);
      expect(pickText(own, translations, 'en-GB')).toEqual(own);
      expect(pickText(own, undefined)).toEqual(own);
    });
  });

  describe('pickPrice', () => {
    it('answers the store’s price in the wanted currency, else the product’s own, flagged', () => {
      const own = { amountMinor: 2490, currency: 'EUR' };
      expect(pickPrice(own, { USD: 2690 }, 'usd')).toEqual({ amountMinor: 2690, currency: 'USD', inRequestedCurrency: true });
      expect(pickPrice(own, { USD: 2690 }, 'EUR')).toEqual({ amountMinor: 2490, currency: 'EUR', inRequestedCurrency: true });
      expect(pickPrice(own, { USD: 2690 }, 'JPY')).toEqual({ amountMinor: 2490, currency: 'EUR', inRequestedCurrency: false });
      expect(pickPrice(own, undefined)).toEqual({ amountMinor: 2490, currency: 'EUR', inRequestedCurrency: true });
    });
  });

  describe('shipsToCountry', () => {
    it('treats no list as everywhere and compares codes in any case', () => {
      expect(shipsToCountry(null, 'JP')).toBe(true);
      expect(shipsToCountry(['DE', 'FR'], 'fr')).toBe(true);
      expect(shipsToCountry(['DE', 'FR'], 'CN')).toBe(false);
      expect(shipsToCountry(['DE'], undefined)).toBe(true);
    });
  });
});
