import { readTryResult } from '../../../web/admin/try-result';

/** The shape knowledge/knowledge-module.ts sends today. */
const answered = {
  language: 'de',
  answer: {
    outcome: 'answer',
    confidence: 0.92,
    article: { slug: 'gift-cards', title: 'Geschenkgutscheine', language: 'de', passage: 'Gutscheine gelten 24 Monate.', url: 'http://x/help/demo/gift-cards?lang=de' },
  },
  threshold: 0.35,
  indexVersion: 4,
  retrieval: {
    query: 'Wie lange gilt ein Gutschein?',
    language: 'de',
    mode: 'keyword',
    confidence: 0.92,
    articles: [
      { articleId: 'gift-cards', language: 'de', title: 'Geschenkgutscheine', score: 5.3, confidence: 0.92, passages: [{ index: 0, heading: 'Gültigkeit', text: 'Gutscheine gelten 24 Monate.', score: 5.3 }] },
      { articleId: 'refund-timing', language: 'de', title: 'Erstattung', score: 1.1, confidence: 0.2, passages: [] },
    ],
    rankings: { keyword: [{ articleId: 'gift-cards', language: 'de', score: 5.3 }], fused: [{ articleId: 'gift-cards', score: 1 }] },
  },
};

describe('readTryResult', () => {
  it('reads the answer, the version used and the retrieval of the module’s TryResult', () => {
    const outcome = readTryResult(answered);
    expect(outcome).toMatchObject({
      outcome: 'answer',
      answer: 'Gutscheine gelten 24 Monate.',
      answerTitle: 'Geschenkgutscheine',
      answerLanguage: 'de',
      questionLanguage: 'de',
      used: { slug: 'gift-cards', language: 'de' },
      confidence: 0.92,
      threshold: 0.35,
      indexVersion: 4,
      mode: 'keyword',
    });
    expect(outcome.articles.map((a) => a.slug)).toEqual(['gift-cards', 'refund-timing']);
    expect(outcome.articles[0]!.passages).toEqual([{ heading: 'Gültigkeit', text: 'Gutscheine gelten 24 Monate.', score: 5.3 }]);
    expect(outcome.rankings).toEqual([
      { name: 'keyword', entries: [{ slug: 'gift-cards', language: 'de', score: 5.3 }] },
      { name: 'fused', entries: [{ slug: 'gift-cards', language: undefined, score: 1 }] },
    ]);
  });

  it('keeps an unsure outcome without a quoted article', () => {
    const outcome = readTryResult({ ...answered, answer: { outcome: 'unsure', confidence: 0.1 } });
    expect(outcome.outcome).toBe('unsure');
    expect(outcome.answer).toBeUndefined();
    expect(outcome.used).toBeUndefined();
  });

  it('reads the search of a translated question and a machine translation', () => {
    const outcome = readTryResult({
      ...answered,
      answer: { ...answered.answer, article: { ...answered.answer.article, machineTranslatedFrom: 'en' } },
      translatedRetrieval: { query: 'How long is a gift card valid?', articles: [{ articleId: 'gift-cards', language: 'en', score: 2, passages: [] }] },
    });
    expect(outcome.machineTranslatedFrom).toBe('en');
    expect(outcome.translated).toEqual({ query: 'How long is a gift card valid?', articles: [expect.objectContaining({ slug: 'gift-cards', language: 'en' })] });
  });

  it('accepts a reply with text and retrieval at the top level', () => {
    const outcome = readTryResult({ reply: { text: 'Hello', language: 'en' }, articles: [{ slug: 'a', language: 'en', score: 1 }] });
    expect(outcome).toMatchObject({ answer: 'Hello', answerLanguage: 'en', used: { slug: 'a', language: 'en' } });
  });

  it('reads nothing from garbage without throwing', () => {
    for (const value of [null, 'text', 42, [], { retrieval: { articles: [null, { title: 'no id' }, { articleId: 'x', passages: [3, { text: '' }] }] } }]) {
      expect(() => readTryResult(value)).not.toThrow();
    }
    expect(readTryResult({ retrieval: { articles: [{ articleId: 'x', passages: [3, { text: '' }] }] } }).articles).toEqual([
      { slug: 'x', language: undefined, title: undefined, score: undefined, confidence: undefined, similarity: undefined, passages: [] },
    ]);
  });
});
