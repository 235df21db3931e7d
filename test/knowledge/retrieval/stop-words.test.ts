import { stopWordsFor } from '../../../knowledge/retrieval/stop-words';

describe('stopWordsFor', () => {
  it('removes function words', () => {
    for (const [language, word] of [['en', 'the'], ['es', 'el'], ['de', 'der'], ['fr', 'les'], ['pt', 'uma'], ['it', 'della'], ['zh', '的'], ['ja', 'の']] as const) {
      expect(stopWordsFor(language).has(word)).toBe(true);
    }
  });

  it('keeps content words that only one of the two lists calls stop words', () => {
    // stopwords-iso style lists drop these; a help centre needs them.
    expect(stopWordsFor('en').has('order')).toBe(false);
    expect(stopWordsFor('en').has('problem')).toBe(false);
    expect(stopWordsFor('es').has('cuenta')).toBe(false);
    expect(stopWordsFor('es').has('días')).toBe(false);
    expect(stopWordsFor('de').has('zeit')).toBe(false);
    expect(stopWordsFor('de').has('tage')).toBe(false);
  });

  it('uses the one list there is for a language only one list has', () => {
    expect(stopWordsFor('ko').size).toBeGreaterThan(0);
    expect(stopWordsFor('th').size).toBeGreaterThan(0);
  });

  it('gives no stop words for a language neither list knows', () => {
    expect(stopWordsFor('xx').size).toBe(0);
    expect(stopWordsFor('constructor').size).toBe(0);
  });

  it('passes the words through the given normalisation', () => {
    expect(stopWordsFor('es', (word) => word.normalize('NFD').replace(/\p{M}/gu, '')).has('mas')).toBe(true);
  });
});
