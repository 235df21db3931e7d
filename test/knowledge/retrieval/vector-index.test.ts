import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddingShapeError, VectorIndex } from '../../../knowledge/retrieval/vector-index';
import type { KnowledgeDocument } from '../../../knowledge/retrieval/types';
import type { TextEmbedder } from '../../../nlu/intents';
import { TransformerModelRuntime } from '../../../nlu/runtime';
import { writeTinyBertModel, type TinyBertModel } from '../../support/tiny-model/tiny-bert-model';

const DOCUMENTS: KnowledgeDocument[] = [
  {
    articleId: 'track',
    language: 'en',
    title: 'Tracking your order',
    questions: ['where is my order', 'track my package please'],
    body: 'The shipping e-mail has the tracking link.\n\n## Delays\n\nTracking can take two days to show the first scan.',
  },
  { articleId: 'refund', language: 'en', title: 'Refunds', questions: ['when do i get my refund'], body: 'Refunds are sent within five business days.' },
  { articleId: 'cancel', language: 'es', title: 'Cancelar un pedido', questions: ['hola donde esta mi pedido cancelado'], body: 'Puedes cancelar el pedido antes del envío.' },
];

/** Embeds a text as counts of a few letters, so tests can predict similarities. */
class LetterEmbedder implements TextEmbedder {
  readonly modelId = 'test/letters';
  readonly texts: string[] = [];
  constructor(private readonly letters = 'aeiou') {}
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    this.texts.push(...texts);
    return texts.map((text) => Float32Array.from([...this.letters].map((letter) => text.split(letter).length - 1 + 0.01)));
  }
}

describe('VectorIndex', () => {
  describe('with the transformer runtime and the tiny BERT model', () => {
    let folder: string;
    let model: TinyBertModel;
    let runtime: TransformerModelRuntime;
    let index: VectorIndex;

    beforeAll(async () => {
      folder = mkdtempSync(join(tmpdir(), 'kb-models-'));
      model = writeTinyBertModel(folder);
      runtime = new TransformerModelRuntime({ folder, allowRemote: false, threads: 1, batchWindowMs: 2, maxBatchSize: 32 });
      index = new VectorIndex(runtime.featureExtractor(model.modelId), { queryPrefix: 'query: ', passagePrefix: 'passage: ' });
      for (const document of DOCUMENTS) await index.add(document);
    });

    afterAll(async () => {
      await runtime.close();
      rmSync(folder, { recursive: true, force: true });
    });

    it('holds one vector per passage, title and FAQ question', () => {
      // track: 1 passage (its short last section joins the first) + title + 2 questions; refund and cancel: 1 + 1 + 1.
      expect(index.size).toBe(10);
    });

    it("finds the article whose FAQ question is the shopper's question, with cosine 1", async () => {
      const [best] = await index.search('track my package please', { limit: 3 });
      expect(best?.articleId).toBe('track');
      expect(best?.score).toBeCloseTo(1, 5);
    });

    it('gives unit-length cosine scores, best first, one entry per version', async () => {
      const matches = await index.search('when do i get my refund', { limit: 10 });
      expect(matches[0]?.articleId).toBe('refund');
      expect(matches.map((m) => `${m.articleId}/${m.language}`)).toEqual([...new Set(matches.map((m) => `${m.articleId}/${m.language}`))]);
      for (let i = 1; i < matches.length; i++) expect(matches[i]!.score).toBeLessThanOrEqual(matches[i - 1]!.score);
      for (const match of matches) expect(match.score).toBeLessThanOrEqual(1 + 1e-6);
    });

    it('forgets a removed article and takes it back when added again', async () => {
      expect(index.removeArticle('refund')).toBe(true);
      expect(index.size).toBe(7);
      expect((await index.search('when do i get my refund', { limit: 10 })).map((m) => m.articleId)).not.toContain('refund');
      await index.add(DOCUMENTS[1]!);
      expect((await index.search('when do i get my refund', { limit: 1 }))[0]?.articleId).toBe('refund');
    });
  });

  describe('indexing', () => {
    it('embeds passages with the passage prefix, title and heading, and titles and questions with the query prefix', async () => {
      const embedder = new LetterEmbedder();
      await new VectorIndex(embedder, { queryPrefix: 'Q: ', passagePrefix: 'P: ' }).add(DOCUMENTS[0]!);
      await new VectorIndex(embedder, { queryPrefix: 'Q: ', passagePrefix: 'P: ' }).add(DOCUMENTS[2]!, [
        { articleId: 'cancel', language: 'es', index: 0, heading: 'Antes', text: 'Puedes cancelar.' },
      ]);
      expect(embedder.texts).toEqual([
        'P: Tracking your order\nThe shipping e-mail has the tracking link.\n\nDelays\n\nTracking can take two days to show the first scan.',
        'Q: Tracking your order',
        'Q: where is my order',
        'Q: track my package please',
        'P: Cancelar un pedido\nAntes\nPuedes cancelar.',
        'Q: Cancelar un pedido',
        'Q: hola donde esta mi pedido cancelado',
      ]);
    });

    it('embeds in batches of the given size', async () => {
      const embedder = new LetterEmbedder();
      const calls: number[] = [];
      const counting: TextEmbedder = { modelId: 'x', embed: async (texts) => (calls.push(texts.length), embedder.embed(texts)) };
      await new VectorIndex(counting, { batchSize: 2 }).add(DOCUMENTS[0]!);
      expect(calls).toEqual([2, 2]);
    });

    it('replaces the vectors of a version added again', async () => {
      const index = new VectorIndex(new LetterEmbedder());
      await index.add(DOCUMENTS[0]!);
      await index.add({ ...DOCUMENTS[0]!, questions: [] });
      expect(index.size).toBe(2);
      expect(index.remove('track', 'EN')).toBe(true);
      expect(index.size).toBe(0);
      expect(index.remove('track', 'en')).toBe(false);
    });

    it('keeps the other vectors intact when one version is removed from the middle', async () => {
      const index = new VectorIndex(new LetterEmbedder());
      for (const document of DOCUMENTS) await index.add(document);
      const query = await index.embedQuery('cancelar pedido');
      const before = index.nearest(query, 100).filter((hit) => hit.articleId !== 'refund');
      index.removeArticle('refund');
      expect(index.nearest(query, 100)).toEqual(before);
    });

    it('refuses vectors of another size than those already indexed', async () => {
      const index = new VectorIndex(new LetterEmbedder('aeiou'));
      await index.add(DOCUMENTS[1]!);
      const other = new VectorIndex(new LetterEmbedder('ae'));
      const version = await other.embed(DOCUMENTS[0]!);
      expect(() => index.put(version)).toThrow(EmbeddingShapeError);
    });

    it('refuses an embedder that returns the wrong number of vectors', async () => {
      const broken: TextEmbedder = { modelId: 'broken', embed: async () => [] };
      await expect(new VectorIndex(broken).add(DOCUMENTS[1]!)).rejects.toThrow(EmbeddingShapeError);
    });
  });

  describe('grouping', () => {
    it('gives each version its best vector as score and its passages best first, titles and questions left out', () => {
      const index = new VectorIndex(new LetterEmbedder());
      const grouped = index.group(
        [
          { articleId: 'a', language: 'en', passageIndex: -1, score: 0.9 },
          { articleId: 'b', language: 'en', passageIndex: 0, score: 0.8 },
          { articleId: 'a', language: 'en', passageIndex: 2, score: 0.7 },
          { articleId: 'a', language: 'de', passageIndex: 1, score: 0.6 },
          { articleId: 'a', language: 'en', passageIndex: 0, score: 0.5 },
        ],
        2,
      );
      expect(grouped).toEqual([
        { articleId: 'a', language: 'en', score: 0.9, passages: [{ index: 2, score: 0.7 }, { index: 0, score: 0.5 }] },
        { articleId: 'b', language: 'en', score: 0.8, passages: [{ index: 0, score: 0.8 }] },
      ]);
    });
  });
});
