import { KeywordIndex } from '../../../knowledge/retrieval/keyword-index';
import type { KnowledgeDocument } from '../../../knowledge/retrieval/types';

const filler = (topic: string) => `This section is about ${topic} and nothing else, written at some length so that every passage here is long enough to stand alone as an answer in the chat window of the shop.`;

const GIFT_CARDS: KnowledgeDocument = {
  articleId: 'gift-cards',
  language: 'en',
  title: 'Gift cards',
  questions: ['Can I buy a gift card?', 'How long is a gift card valid?'],
  tags: ['gift card', 'voucher'],
  body: `Digital gift cards from EUR 25 to EUR 500 are sent by e-mail on the date you choose. ${filler('buying')}\n\n## Validity\n\nA gift card stays valid for 24 months and can be used over several orders. ${filler('validity')}\n\n## Cash\n\nGift cards cannot be exchanged for cash or used to pay for another gift card. ${filler('cash')}`,
};
const RETURNS: KnowledgeDocument = {
  articleId: 'return-policy',
  language: 'en',
  title: 'Return policy',
  questions: ['Can I return an item?', 'How many days do I have to send something back?'],
  body: `You can return items within 30 days of delivery if they are unworn and have their tags. ${filler('returns')}\n\n## Not returnable\n\nUnderwear, earrings, personalised items and gift cards cannot be returned. ${filler('exceptions')}`,
};
const SHIPPING: KnowledgeDocument = {
  articleId: 'shipping-europe',
  language: 'en',
  title: 'Shipping to Europe',
  questions: ['How long does delivery to Germany take?'],
  body: `Standard delivery takes 3-6 business days and costs EUR 5.90, free over EUR 79. ${filler('costs')}\n\n## Express\n\nExpress delivery with DHL takes 1-3 business days. ${filler('express')}`,
};
const RETURNS_ES: KnowledgeDocument = {
  articleId: 'return-policy',
  language: 'es',
  title: 'Política de devoluciones',
  questions: ['¿Puedo devolver un artículo?'],
  body: `Puedes devolver los artículos en un plazo de 30 días desde la entrega si no se han usado y conservan las etiquetas. Las devoluciones son gratuitas en la Unión Europea y en el Reino Unido con la etiqueta prepagada.`,
};
const ENGLISH = [GIFT_CARDS, RETURNS, SHIPPING];

function indexOf(documents: readonly KnowledgeDocument[]): KeywordIndex {
  const index = new KeywordIndex();
  for (const document of documents) index.add(document);
  return index;
}

/** Article/language -> score, for comparing whole result lists. */
function scores(index: KeywordIndex, query: string, language?: string): Record<string, number> {
  return Object.fromEntries(index.search(query, { ...(language ? { language } : {}), limit: 100 }).map((m) => [`${m.articleId}/${m.language}`, m.score]));
}

function expectSameScores(actual: Record<string, number>, expected: Record<string, number>): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [key, value] of Object.entries(expected)) expect(actual[key]).toBeCloseTo(value, 10);
}

describe('KeywordIndex', () => {
  describe('ranking', () => {
    const index = indexOf(ENGLISH);

    it('puts the article that answers the question first', () => {
      expect(index.search('how long is my gift card valid?', { language: 'en' })[0]?.articleId).toBe('gift-cards');
      expect(index.search('can I send back earrings?', { language: 'en' })[0]?.articleId).toBe('return-policy');
      expect(index.search('DHL express delivery time', { language: 'en' })[0]?.articleId).toBe('shipping-europe');
    });

    it('ranks the passage that answers above the article\'s other passages', () => {
      const [match] = index.search('gift card valid 24 months', { language: 'en' });
      expect(match?.passages[0]?.index).toBe(1);
      expect(match?.passages.map((p) => p.index).sort()).toEqual([0, 1, 2]);
      expect(match!.passages[0]!.score).toBeGreaterThan(match!.passages[1]!.score);
      expect(match!.score).toBe(match!.passages[0]!.score);
    });

    it('weights a word in the title above the same word once in another article\'s body', () => {
      // "gift cards" is in the return policy's body too, but it is the gift-card article's title.
      const matches = index.search('gift cards', { language: 'en' });
      expect(matches.map((m) => m.articleId)).toEqual(['gift-cards', 'return-policy']);
    });

    it('weights the title and the FAQ questions above the body (BM25F field weights)', () => {
      const body = (extra: string) => `${filler('something unrelated')} ${extra}`;
      const fields = indexOf([
        { articleId: 'in-title', language: 'en', title: 'Klarna instalments', questions: [], body: body('Pay later.') },
        { articleId: 'in-questions', language: 'en', title: 'Paying later', questions: ['Klarna instalments?'], body: body('Pay later.') },
        { articleId: 'in-body', language: 'en', title: 'Paying later', questions: [], body: body('Klarna instalments.') },
      ]);
      expect(fields.search('klarna instalments', { language: 'en' }).map((m) => m.articleId)).toEqual(['in-title', 'in-questions', 'in-body']);
    });

    it('finds articles by their FAQ questions', () => {
      expect(index.search('how many days to send something back', { language: 'en' })[0]?.articleId).toBe('return-policy');
    });

    it('returns nothing for a question sharing no word with any article', () => {
      expect(index.search('zebra xylophone', { language: 'en' })).toEqual([]);
    });

    it('returns at most `limit` versions', () => {
      expect(index.search('gift card delivery days', { language: 'en', limit: 2 })).toHaveLength(2);
    });
  });

  describe('coverage', () => {
    const index = indexOf(ENGLISH);

    it('is 1 when the best passage holds every word of the question', () => {
      expect(index.search('gift card valid', { language: 'en' })[0]?.coverage).toBeCloseTo(1, 10);
    });

    it('drops with every informative word the knowledge base has never seen', () => {
      const [known] = index.search('express delivery', { language: 'en' });
      const [partly] = index.search('express delivery to the moon base', { language: 'en' });
      expect(partly!.articleId).toBe('shipping-europe');
      expect(partly!.coverage).toBeLessThan(0.6);
      expect(known!.coverage).toBeCloseTo(1, 10);
    });
  });

  describe('incremental updates', () => {
    const queries = ['gift card valid', 'return within 30 days', 'express delivery Germany', 'devoluciones gratuitas'];

    it('gives after adding and removing an article exactly the scores it gave before', () => {
      const index = indexOf(ENGLISH);
      const before = queries.map((query) => scores(index, query, 'en'));
      index.add(RETURNS_ES);
      index.add({ ...SHIPPING, articleId: 'shipping-extra', title: 'More shipping' });
      index.remove('return-policy', 'es');
      expect(index.removeArticle('shipping-extra')).toBe(1);
      queries.forEach((query, i) => expectSameScores(scores(index, query, 'en'), before[i]!));
    });

    it('gives after updates the scores of an index built from scratch with the same articles', () => {
      const incremental = indexOf([...ENGLISH, RETURNS_ES]);
      incremental.add({ ...GIFT_CARDS, title: 'Gift cards and vouchers' });
      incremental.remove('shipping-europe', 'en');
      incremental.add(SHIPPING);
      const fresh = indexOf([{ ...GIFT_CARDS, title: 'Gift cards and vouchers' }, RETURNS, RETURNS_ES, SHIPPING]);
      for (const query of queries) expectSameScores(scores(incremental, query, 'en'), scores(fresh, query, 'en'));
      expect(incremental.size).toBe(4);
    });

    it('replaces a version added again under the same article id and language', () => {
      const index = indexOf(ENGLISH);
      index.add({ ...GIFT_CARDS, title: 'Vouchers', questions: [], tags: [], body: 'Vouchers are sent by e-mail.' });
      expect(index.size).toBe(3);
      expect(index.search('gift card valid', { language: 'en' }).map((m) => m.articleId)).not.toContain('gift-cards');
      expect(index.search('vouchers', { language: 'en' })[0]?.articleId).toBe('gift-cards');
    });

    it('removes every language version of an article', () => {
      const index = indexOf([...ENGLISH, RETURNS_ES]);
      expect(index.languagesOf('return-policy')).toEqual(['en', 'es']);
      expect(index.removeArticle('return-policy')).toBe(2);
      expect(index.languagesOf('return-policy')).toEqual([]);
      expect(index.articleIds().sort()).toEqual(['gift-cards', 'shipping-europe']);
      expect(index.remove('return-policy', 'en')).toBe(false);
    });
  });

  describe('languages', () => {
    it('keeps statistics per language, so other languages\' articles do not change a language\'s scores', () => {
      const english = indexOf(ENGLISH);
      const mixed = indexOf([...ENGLISH, RETURNS_ES, { ...RETURNS_ES, articleId: 'other', body: 'Las devoluciones de gift cards no son posibles.' }]);
      for (const query of ['gift card valid', 'return within 30 days']) {
        const englishOnly = Object.fromEntries(Object.entries(scores(mixed, query, 'en')).filter(([key]) => key.endsWith('/en')));
        expectSameScores(englishOnly, scores(english, query, 'en'));
      }
    });

    it('finds an article through another language\'s version when they share words', () => {
      const index = indexOf([RETURNS_ES, SHIPPING]);
      expect(index.search('DHL express', { language: 'es' })[0]).toMatchObject({ articleId: 'shipping-europe', language: 'en' });
    });

    it('without a question language, analyses the question in each indexed language', () => {
      const index = indexOf([...ENGLISH, RETURNS_ES]);
      // "devoluciones" only meets the Spanish stems through Spanish analysis.
      expect(index.search('devoluciones', {})[0]).toMatchObject({ articleId: 'return-policy', language: 'es' });
      expect(index.search('shipped', {})[0]).toMatchObject({ articleId: 'shipping-europe', language: 'en' });
    });
  });

  it('finds a version without body text by its title, with no passages to quote', () => {
    const index = indexOf([{ articleId: 'empty', language: 'en', title: 'Store opening hours', questions: [], body: '' }, SHIPPING]);
    const [match] = index.search('opening hours', { language: 'en' });
    expect(match).toMatchObject({ articleId: 'empty', passages: [] });
    expect(match!.score).toBeGreaterThan(0);
  });

  it('hands back the indexed document and passages of a version', () => {
    const index = indexOf(ENGLISH);
    const version = index.version('gift-cards', 'EN');
    expect(version?.document).toBe(GIFT_CARDS);
    expect(version?.passages.map((p) => p.heading)).toEqual([undefined, 'Validity', 'Cash']);
    expect(index.version('gift-cards', 'de')).toBeUndefined();
  });
});
