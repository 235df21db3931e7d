import { formatPrice, formatTime, formattingLocale } from '../../../web/widget/format';

describe('formatPrice', () => {
  it('formats a price in the currency and locale given', () => {
    expect(formatPrice({ amount: 19.9, currency: 'USD' }, 'en-US')).toBe('$19.90');
    expect(formatPrice({ amount: 19.9, currency: 'EUR' }, 'de-DE')).toMatch(/^19,90\s€$/);
  });

  it('falls back to amount and code for an invalid currency', () => {
    expect(formatPrice({ amount: 5, currency: 'not-a-currency' }, 'en')).toBe('5 not-a-currency');
  });

  it('survives an invalid locale tag', () => {
    expect(formatPrice({ amount: 5, currency: 'USD' }, '%%')).toBe('$5.00');
  });
});

describe('formatTime', () => {
  it('returns an empty string for an unparsable timestamp', () => {
    expect(formatTime('yesterday', 'en')).toBe('');
  });

  it('formats hours and minutes', () => {
    expect(formatTime('2024-05-01T10:07:00Z', 'en')).toMatch(/\d{1,2}:07/);
  });
});

describe('formattingLocale', () => {
  it('keeps the browser region when the browser speaks the conversation language', () => {
    expect(formattingLocale('de', 'de-CH')).toBe('de-CH');
  });

  it('uses the conversation language when the browser speaks another one', () => {
    expect(formattingLocale('es', 'en-US')).toBe('es');
  });

  it('uses whatever is known when the other side is missing', () => {
    expect(formattingLocale(undefined, 'fr-FR')).toBe('fr-FR');
    expect(formattingLocale('it', undefined)).toBe('it');
    expect(formattingLocale(undefined, undefined)).toBe('en');
  });
});
