import { decideLanguage, type LanguageContext } from '../../../nlu';

const base = { defaultLanguage: 'en', minConfidence: 0.5, shortMessageLetters: 12 };

function decide(overrides: Partial<LanguageContext> & Pick<LanguageContext, 'text' | 'guess'>) {
  return decideLanguage({ conversationLanguage: null, ...base, ...overrides });
}

describe('decideLanguage', () => {
  describe('when a short Latin message follows a Spanish conversation', () => {
    it('keeps Spanish even though the identifier guesses English', () => {
      expect(decide({ text: 'ok', guess: { language: 'en', confidence: 0.63 }, conversationLanguage: 'es' })).toEqual({
        language: 'es',
        source: 'conversation',
      });
    });

    it('keeps Spanish for "thx!" guessed as English with high confidence', () => {
      expect(decide({ text: 'thx!', guess: { language: 'en', confidence: 0.95 }, conversationLanguage: 'es' }).language).toBe('es');
    });
  });

  describe('when a short message in another script follows an English conversation', () => {
    it('switches to Chinese for "你好"', () => {
      expect(decide({ text: '你好', guess: { language: 'zh', confidence: 0.9 }, conversationLanguage: 'en' })).toEqual({
        language: 'zh',
        source: 'detected',
      });
    });

    it('switches to Russian for a short Cyrillic "привет"', () => {
      // Cyrillic is not a dense script, so only the change of script lets six letters win.
      expect(decide({ text: 'привет', guess: { language: 'ru', confidence: 0.9 }, conversationLanguage: 'en' })).toEqual({
        language: 'ru',
        source: 'detected',
      });
    });

    it('keeps English when the guess does not fit the script', () => {
      expect(decide({ text: '你好', guess: { language: 'ko', confidence: 0.9 }, conversationLanguage: 'en' }).language).toBe('en');
    });
  });

  describe('when a long confident message is in another language', () => {
    it('switches an English conversation to French', () => {
      expect(
        decide({
          text: 'Bonjour, je voudrais savoir où est ma commande',
          guess: { language: 'fr', confidence: 0.99 },
          conversationLanguage: 'en',
        }),
      ).toEqual({ language: 'fr', source: 'detected' });
    });
  });

  describe('when a long message is identified with low confidence', () => {
    it('keeps the conversation language', () => {
      expect(
        decide({
          text: 'Bonjour, je voudrais savoir où est ma commande',
          guess: { language: 'fr', confidence: 0.3 },
          conversationLanguage: 'en',
        }),
      ).toEqual({ language: 'en', source: 'conversation' });
    });
  });

  describe('when the first message is a greeting a lexicon recognises', () => {
    it('answers "hola" in Spanish', () => {
      expect(decide({ text: 'hola', guess: { language: 'en', confidence: 0.12 }, lexiconLanguage: 'es' })).toEqual({
        language: 'es',
        source: 'lexicon',
      });
    });
  });

  describe('when nothing is known about the first message', () => {
    it('uses the default language', () => {
      expect(decide({ text: 'ok', guess: { language: 'en', confidence: 0.63 }, defaultLanguage: 'de' })).toEqual({
        language: 'de',
        source: 'default',
      });
    });

    it('uses the default language for a message without letters', () => {
      expect(decide({ text: '👍', guess: { language: 'en', confidence: 0.9 }, defaultLanguage: 'fr' }).source).toBe('default');
    });
  });

  describe('when the guess is a language the platform cannot answer in', () => {
    const isSupported = (language: string) => ['en', 'es', 'fr'].includes(language);

    it('answers a first "Recomiéndame algo" guessed as Asturian (0.59) in the locale language', () => {
      expect(decide({ text: 'Recomiéndame algo', guess: { language: 'ast', confidence: 0.59 }, defaultLanguage: 'es', isSupported })).toEqual({
        language: 'es',
        source: 'default',
      });
    });

    it('keeps the conversation language instead of an unsure unsupported guess', () => {
      expect(
        decide({ text: 'Recomiéndame algo', guess: { language: 'ast', confidence: 0.59 }, conversationLanguage: 'es', isSupported }),
      ).toEqual({ language: 'es', source: 'conversation' });
    });

    it('still follows a confident guess (the shopper really writes it)', () => {
      expect(decide({ text: 'Bom dia, onde está a minha encomenda?', guess: { language: 'pt', confidence: 0.97 }, isSupported })).toEqual({
        language: 'pt',
        source: 'detected',
      });
    });
  });

  describe('when a short first message is identified very confidently', () => {
    it('uses the guess', () => {
      expect(decide({ text: 'danke', guess: { language: 'de', confidence: 0.92 } })).toEqual({ language: 'de', source: 'detected' });
    });

    it('does not use a guess below 0.8', () => {
      expect(decide({ text: 'danke', guess: { language: 'de', confidence: 0.7 } }).source).toBe('default');
    });
  });
});
