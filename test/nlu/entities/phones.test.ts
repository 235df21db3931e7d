import { findPhones } from '../../../nlu/entities';

describe('findPhones', () => {
  it('reads international numbers whatever the language', () => {
    expect(findPhones('call me at +1 415-555-2671 please')[0]).toMatchObject({
      text: '+1 415-555-2671',
      value: { e164: '+14155552671', country: 'US' },
    });
  });

  describe('with national numbers', () => {
    it.each([
      ['es', 'mi número es 612 34 56 78', '+34612345678', 'ES'],
      ['zh', '我的电话是13812345678', '+8613812345678', 'CN'],
      ['ja', '電話番号は090-1234-5678です', '+819012345678', 'JP'],
      ['th', 'โทร 081 234 5678', '+66812345678', 'TH'],
      ['ar', 'رقمي 0501234567', '+966501234567', 'SA'],
      ['pt', 'meu celular (11) 91234-5678', '+5511912345678', 'BR'],
    ])('uses the region of the language (%s)', (language, text, e164, country) => {
      expect(findPhones(text, { language })[0]?.value).toEqual({ e164, country });
    });

    it('prefers defaultCountry over the language', () => {
      expect(findPhones('0612345678', { defaultCountry: 'FR', language: 'en' })[0]?.value.e164).toBe('+33612345678');
    });
  });

  it('reports only valid numbers', () => {
    expect(findPhones('call 555-0000', { language: 'en' })).toEqual([]);
    expect(findPhones('+1 000 000 0000')).toEqual([]);
  });

  it.each([
    'I want 2 shirts in size 42',
    'order 10234 placed on 12/03/2025',
    'delivered 2025-03-12',
    'it costs 1.299,00 EUR',
  ])('finds nothing in %j', (text) => {
    expect(findPhones(text, { language: 'de' })).toEqual([]);
  });
});
