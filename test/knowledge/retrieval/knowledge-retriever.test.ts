import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KnowledgeRetriever } from '../../../knowledge/retrieval/knowledge-retriever';
import type { KnowledgeDocument } from '../../../knowledge/retrieval/types';
import { TransformerModelRuntime } from '../../../nlu/runtime';
import { writeTinyBertModel } from '../../support/tiny-model/tiny-bert-model';

const pad = 'Our customer service team answers in the chat every day of the week, in sixteen languages, within two minutes.';

const RETURNS: KnowledgeDocument[] = [
  { articleId: 'return-policy', language: 'en', title: 'Return policy', questions: ['Can I return an item?'], url: 'https://shop.example/returns', body: `Items can be returned within 30 days of delivery, unworn and with tags. ${pad} ${pad}\n\n## Exceptions\n\nEarrings and gift cards cannot be returned. ${pad} ${pad}` },
  { articleId: 'return-policy', language: 'es', title: 'Política de devoluciones', questions: ['¿Puedo devolver un artículo?'], body: 'Puedes devolver los artículos en un plazo de 30 días desde la entrega, sin usar y con las etiquetas. Los pendientes y las tarjetas regalo no se pueden devolver.' },
  { articleId: 'return-policy', language: 'de', title: 'Rückgaberecht', questions: ['Kann ich einen Artikel zurückgeben?'], body: 'Artikel können innerhalb von 30 Tagen nach der Lieferung zurückgegeben werden, ungetragen und mit Etikett. Ohrringe und Geschenkkarten sind von der Rückgabe ausgeschlossen.' },
];
const SHIPPING: KnowledgeDocument[] = [
  { articleId: 'shipping-europe', language: 'en', title: 'Shipping to Europe', questions: ['How long does delivery take?'], body: `Standard delivery with PostNL takes 3-6 business days. Express delivery with DHL Express takes 1-3 business days. ${pad}` },
  { articleId: 'shipping-europe', language: 'de', title: 'Versand in Europa', questions: ['Wie lange dauert der Versand?'], body: 'Der Standardversand mit PostNL dauert 3-6 Werktage. DHL Express liefert in 1-3 Werktagen.' },
];
// Only in German and Chinese: no English version to fall back on.
const PACKSTATION: KnowledgeDocument[] = [
  { articleId: 'packstation', language: 'de', title: 'Lieferung an eine Packstation', questions: ['Liefert ihr an eine Packstation?'], body: 'Standardsendungen können an eine DHL Packstation geliefert werden, Expresssendungen nicht.' },
  { articleId: 'packstation', language: 'zh', title: '寄到自提柜', questions: ['可以寄到自提柜吗？'], body: '标准配送可以寄到DHL自提柜，特快配送不可以。' },
];
const ALL = [...RETURNS, ...SHIPPING, ...PACKSTATION];

async function retriever(options: ConstructorParameters<typeof KnowledgeRetriever>[0] = {}, documents = ALL): Promise<KnowledgeRetriever> {
  const instance = new KnowledgeRetriever(options);
  await instance.index(documents);
  return instance;
}

describe('KnowledgeRetriever', () => {
  describe('without an embedder', () => {
    it('retrieves by keyword and says so', async () => {
      const result = await (await retriever()).retrieve('can I return earrings?', { language: 'en' });
      expect(result.mode).toBe('keyword');
      expect(result.rankings.vector).toBeUndefined();
      expect(result.articles[0]).toMatchObject({ articleId: 'return-policy', language: 'en', title: 'Return policy', url: 'https://shop.example/returns' });
      expect(result.articles[0]!.passages[0]).toMatchObject({ index: 1, heading: 'Exceptions' });
      expect(result.articles[0]!.score).toBe(result.rankings.keyword[0]!.score);
      expect(result.rankings.fused[0]).toEqual({ articleId: 'return-policy', score: result.articles[0]!.score });
      expect(result.confidence).toBe(result.articles[0]!.confidence);
    });

    it('gives each article once, whatever number of its versions matched', async () => {
      const result = await (await retriever()).retrieve('DHL Express', { language: 'de' });
      const ids = result.articles.map((article) => article.articleId);
      expect(ids).toEqual([...new Set(ids)]);
      expect(result.rankings.keyword.filter((version) => version.articleId === 'shipping-europe').length).toBe(2);
    });

    it('gives at most `limit` articles', async () => {
      expect((await (await retriever()).retrieve('DHL Express Packstation returned', { language: 'en', limit: 1 })).articles).toHaveLength(1);
    });

    it('is confident when the article covers the question and not when most of it is unknown', async () => {
      const instance = await retriever();
      const covered = await instance.retrieve('how long does express delivery take', { language: 'en' });
      const offTopic = await instance.retrieve('what will the weather be like during the delivery of the concert tickets', { language: 'en' });
      expect(covered.confidence).toBeGreaterThan(0.9);
      expect(offTopic.confidence).toBeLessThan(0.5);
      expect((await instance.retrieve('zebra', { language: 'en' })).confidence).toBe(0);
    });
  });

  describe('across languages', () => {
    it("answers in the shopper's language when the article has that version", async () => {
      const [article] = (await (await retriever()).retrieve('Rückgabe Ohrringe', { language: 'de' })).articles;
      expect(article).toMatchObject({ articleId: 'return-policy', language: 'de' });
    });

    it("answers in the shopper's language even when another version matched", async () => {
      // English words in a Spanish conversation: the match is the English version, the answer the Spanish one.
      const result = await (await retriever()).retrieve('return earrings gift cards', { language: 'es' });
      expect(result.rankings.keyword[0]).toMatchObject({ articleId: 'return-policy', language: 'en' });
      expect(result.articles[0]).toMatchObject({ articleId: 'return-policy', language: 'es' });
      // The Spanish text matched nothing directly: its passages come in reading order.
      expect(result.articles[0]!.passages).toEqual([{ index: 0, text: RETURNS[1]!.body, score: 0 }]);
    });

    it('answers in English when the shopper\'s language is missing', async () => {
      const [article] = (await (await retriever()).retrieve('DHL Express PostNL', { language: 'fr' })).articles;
      expect(article).toMatchObject({ articleId: 'shipping-europe', language: 'en' });
    });

    it('answers with the best-matching version when neither exists', async () => {
      const result = await (await retriever()).retrieve('DHL Packstation Expresssendungen', { language: 'fr' });
      expect(result.articles[0]).toMatchObject({ articleId: 'packstation', language: 'de' });
    });

    it('uses another main language when told', async () => {
      const [article] = (await (await retriever({ mainLanguage: 'de' })).retrieve('DHL Express PostNL', { language: 'fr' })).articles;
      expect(article).toMatchObject({ articleId: 'shipping-europe', language: 'de' });
    });

    it('reduces a regional code to its language', async () => {
      const result = await (await retriever()).retrieve('Rückgabe Ohrringe', { language: 'de-AT' });
      expect(result.language).toBe('de');
      expect(result.articles[0]?.language).toBe('de');
    });
  });

  describe('with a translation hook', () => {
    const translateQuery = jest.fn(async (text: string, from: string, to: string) => (from === 'fr' && to === 'en' ? 'return earrings' : text));

    beforeEach(() => translateQuery.mockClear());

    it('also searches the question translated into the main language', async () => {
      const result = await (await retriever({ translateQuery })).retrieve('rendre des boucles d’oreilles', { language: 'fr' });
      expect(translateQuery).toHaveBeenCalledWith('rendre des boucles d’oreilles', 'fr', 'en');
      expect(result.translatedQuery).toBe('return earrings');
      expect(result.rankings.translatedKeyword?.[0]).toMatchObject({ articleId: 'return-policy', language: 'en' });
      expect(result.articles[0]).toMatchObject({ articleId: 'return-policy', language: 'en' });
    });

    it('translates nothing for a question in the main language or in no known language', async () => {
      const instance = await retriever({ translateQuery });
      await instance.retrieve('return earrings', { language: 'en' });
      await instance.retrieve('return earrings');
      expect(translateQuery).not.toHaveBeenCalled();
    });

    it('still answers from the original question when translation fails, and says why', async () => {
      const failing = async () => {
        throw new Error('translation engine offline');
      };
      const result = await (await retriever({ translateQuery: failing })).retrieve('DHL Express', { language: 'fr' });
      expect(result.translationError).toBe('translation engine offline');
      expect(result.articles[0]?.articleId).toBe('shipping-europe');
    });
  });

  describe('updates', () => {
    it('replaces the whole content on index()', async () => {
      const instance = await retriever();
      await instance.index(SHIPPING);
      expect(instance.articleIds()).toEqual(['shipping-europe']);
      expect(instance.size).toBe(2);
    });

    it('replaces one article\'s versions on upsertArticle and removes them on removeArticle', async () => {
      const instance = await retriever();
      await instance.upsertArticle('return-policy', [{ ...RETURNS[0]!, title: 'Returns and exchanges', body: 'Exchanges are free once per item.' }]);
      expect(instance.keyword.languagesOf('return-policy')).toEqual(['en']);
      expect((await instance.retrieve('exchanges free', { language: 'en' })).articles[0]?.articleId).toBe('return-policy');
      expect(instance.removeArticle('return-policy')).toBe(true);
      expect(instance.removeArticle('return-policy')).toBe(false);
      expect((await instance.retrieve('exchanges free', { language: 'en' })).articles).toEqual([]);
    });

    it('refuses versions of another article', async () => {
      await expect((await retriever()).upsertArticle('return-policy', SHIPPING)).rejects.toThrow(RangeError);
    });
  });

  describe('with the transformer runtime and the tiny BERT model (hybrid)', () => {
    let folder: string;
    let runtime: TransformerModelRuntime;
    let instance: KnowledgeRetriever;

    beforeAll(async () => {
      folder = mkdtempSync(join(tmpdir(), 'kb-models-'));
      const model = writeTinyBertModel(folder);
      runtime = new TransformerModelRuntime({ folder, allowRemote: false, threads: 1, batchWindowMs: 2, maxBatchSize: 32 });
      instance = await retriever({ embedder: runtime.featureExtractor(model.modelId), vector: { queryPrefix: 'query: ', passagePrefix: 'passage: ' } });
    });

    afterAll(async () => {
      await runtime.close();
      rmSync(folder, { recursive: true, force: true });
    });

    it('ranks by keyword and by vector and fuses the two by reciprocal rank', async () => {
      const result = await instance.retrieve('How long does delivery take?', { language: 'en' });
      expect(result.mode).toBe('hybrid');
      expect(result.rankings.vector?.length).toBeGreaterThan(0);
      // The question is an FAQ question verbatim: its vector is identical.
      expect(result.rankings.vector?.[0]).toMatchObject({ articleId: 'shipping-europe', language: 'en' });
      expect(result.rankings.vector?.[0]?.score).toBeCloseTo(1, 5);
      expect(result.articles[0]).toMatchObject({ articleId: 'shipping-europe', language: 'en' });
      expect(result.articles[0]!.similarity).toBeCloseTo(1, 5);
      // First in both rankings: 1/61 + 1/61.
      expect(result.articles[0]!.score).toBeCloseTo(2 / 61, 10);
      expect(result.articles[0]!.passages.length).toBeGreaterThan(0);
    });

    it('keeps the vector index in step with upserts and removals', async () => {
      const before = instance.vector!.size;
      await instance.upsertArticle('tracking', [{ articleId: 'tracking', language: 'en', title: 'Tracking', questions: ['where is my order'], body: 'Track your package with the link in the shipping e-mail.' }]);
      expect(instance.vector!.size).toBe(before + 3);
      const result = await instance.retrieve('where is my order', { language: 'en' });
      expect(result.articles[0]?.articleId).toBe('tracking');
      instance.removeArticle('tracking');
      expect(instance.vector!.size).toBe(before);
    });
  });
});
