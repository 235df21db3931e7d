import { currencyOfCountry, regionOfLocale, shopperPlace } from '../../../../bots/runtime/skills/recommendation-shopper';
import { skillTurn } from '../../../support/skill-turns';

describe('the shopper’s place for recommendations', () => {
  it('takes the region of the locale the widget reports', async () => {
    const turn = skillTurn('hola', { language: 'es' });
    turn.message.payload = JSON.stringify({ locale: 'es-MX' });
    expect(await shopperPlace(turn)).toEqual({ country: 'MX', currency: 'MXN', source: 'locale' });
  });

  it('takes the country code of a WhatsApp number before the locale', async () => {
    const turn = skillTurn('hola', { language: 'es' });
    turn.conversation = { ...turn.conversation, channel: 'whatsapp', conversation_key: '34612345678' };
    turn.message.payload = JSON.stringify({ locale: 'en-US' });
    expect(await shopperPlace(turn)).toEqual({ country: 'ES', currency: 'EUR', source: 'phone' });
  });

  it('falls back to the region of the language', async () => {
    expect(await shopperPlace(skillTurn('hello', { language: 'en' }))).toEqual({ country: 'US', currency: 'USD', source: 'language' });
  });

  it('knows the currency of a country and the region of a locale tag', () => {
    expect(currencyOfCountry('de')).toBe('EUR');
    expect(currencyOfCountry('GB')).toBe('GBP');
    expect(currencyOfCountry('ZZ', 'USD')).toBe('USD');
    expect(regionOfLocale('zh-Hant-TW')).toBe('TW');
    expect(regionOfLocale('es')).toBeUndefined();
  });
});
