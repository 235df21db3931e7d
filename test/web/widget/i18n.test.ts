import {
  DEFAULT_LOCALE,
  SUPPORTED_LOCALES,
  formatText,
  getStrings,
  isRtl,
  matchLocale,
  resolveLocale,
} from '../../../web/widget/i18n';

describe('i18n', () => {
  it('matches a supported language by its primary subtag', () => {
    expect(matchLocale('pt-BR')).toBe('pt');
    expect(matchLocale('DE')).toBe('de');
    expect(matchLocale('es_419')).toBe('es');
  });

  it('uses Simplified Chinese for any Chinese tag', () => {
    expect(matchLocale('zh-Hans-CN')).toBe('zh');
    expect(matchLocale('zh-TW')).toBe('zh');
  });

  it('maps the legacy Indonesian code', () => {
    expect(matchLocale('in-ID')).toBe('id');
  });

  it('matches nothing for unsupported or empty tags', () => {
    expect(matchLocale('nl-NL')).toBeUndefined();
    expect(matchLocale('')).toBeUndefined();
    expect(matchLocale(undefined)).toBeUndefined();
  });

  it('prefers the conversation language over the browser language', () => {
    expect(resolveLocale('ja', 'en-US')).toBe('ja');
  });

  it('falls back to the browser language when the conversation language is unsupported', () => {
    expect(resolveLocale('nl', 'fr-FR')).toBe('fr');
    expect(resolveLocale(undefined, 'ko-KR')).toBe('ko');
  });

  it('falls back to English when nothing matches', () => {
    expect(resolveLocale('nl', 'sv-SE')).toBe('en');
    expect(resolveLocale()).toBe(DEFAULT_LOCALE);
  });

  it('writes Arabic right to left and the other languages left to right', () => {
    expect(isRtl('ar')).toBe(true);
    expect(SUPPORTED_LOCALES.filter(isRtl)).toEqual(['ar']);
  });

  it('translates every string into every supported language', () => {
    const keys = Object.keys(getStrings('en')).sort();
    for (const locale of SUPPORTED_LOCALES) {
      const strings = getStrings(locale);
      expect(Object.keys(strings).sort()).toEqual(keys);
      for (const value of Object.values(strings)) expect(value.trim()).not.toBe('');
    }
  });

  it('keeps the placeholders of every template in every language', () => {
    for (const locale of SUPPORTED_LOCALES) {
      const strings = getStrings(locale);
      expect(strings.typing).toContain('{name}');
      expect(strings.errorTooLong).toContain('{limit}');
      expect(strings.charactersLeft).toContain('{count}');
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatText('{name} is typing…', { name: 'Lena' })).toBe('Lena is typing…');
    expect(formatText('at most {limit} characters', { limit: 1000 })).toBe('at most 1000 characters');
    expect(formatText('{unknown}', {})).toBe('{unknown}');
  });
});
