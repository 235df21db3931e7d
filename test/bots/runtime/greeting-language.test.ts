import { greetingLanguage } from '../../../bots/runtime/greeting-language';

describe('greetingLanguage', () => {
  describe('when the text is only an English greeting', () => {
    it.each([['hi'], ['Hello there!'], ['good morning team']])('returns en for %j', (text) => {
      expect(greetingLanguage(text)).toBe('en');
    });
  });

  describe('when exactly one other language claims the greeting', () => {
    it.each([
      ['hola', 'es'],
      ['hola buenas', 'es'],
      ['hey hola', 'es'],
      ['bonjour', 'fr'],
      ['guten tag', 'de'],
      ['ciao', 'it'],
      ['olá', 'pt'],
      ['你好', 'zh'],
      ['こんにちは', 'ja'],
      ['안녕하세요', 'ko'],
      ['привет', 'ru'],
      ['merhaba', 'tr'],
      ['dzień dobry', 'pl'],
      ['xin chào', 'vi'],
      ['สวัสดี', 'th'],
      ['مرحبا', 'ar'],
    ])('returns the language of %j (%s)', (text, language) => {
      expect(greetingLanguage(text)).toBe(language);
    });
  });

  describe('when the text is not only a greeting', () => {
    it.each([['where is my order'], ['hola, dónde está mi pedido'], ['ok']])('returns undefined for %j', (text) => {
      expect(greetingLanguage(text)).toBeUndefined();
    });
  });

  describe('when several languages claim the greeting', () => {
    it('returns undefined rather than guessing ("halo" is Indonesian and Polish)', () => {
      expect(greetingLanguage('halo')).toBeUndefined();
    });
  });

  describe('when the text is longer than 60 characters', () => {
    it('returns undefined even if it is made of greetings', () => {
      expect(greetingLanguage('hola '.repeat(13).trim())).toBeUndefined();
    });
  });
});
