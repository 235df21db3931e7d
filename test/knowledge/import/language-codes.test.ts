import { languageCode } from '../../../knowledge/import/language-codes';

describe('languageCode', () => {
  it('accepts ISO 639-1 codes in any case, dropping a region or script', () => {
    expect(languageCode('EN')).toBe('en');
    expect(languageCode(' pt-BR ')).toBe('pt');
    expect(languageCode('zh_Hans')).toBe('zh');
  });

  it('refuses two letters that are no language, and anything else', () => {
    for (const value of ['ui', 'qq', 'eng', 'english', 'e', '', 'v2']) expect(languageCode(value)).toBeUndefined();
  });
});
