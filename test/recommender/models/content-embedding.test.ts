import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InteractionData } from '../../../recommender';
import {
  ContentEmbeddingTrainer,
  cosineNeighbours,
  CONTENT_EMBEDDING_KIND,
  EmbeddingDimensionError,
  embeddingText,
  vectorMatrix,
  type EmbeddedItemContent,
} from '../../../recommender/models/content-embedding';
import { seededRandom } from '../../../recommender/models/dense-linear-algebra';
import { MatrixProduct, NATIVE_MIN_WORK } from '../../../recommender/models/matrix-product';
import { contentEmbeddingBlend, loadRecommender, recommenderTrainer } from '../../../recommender/models/registry';
import type { BlendParams } from '../../../recommender/models/blend';
import { TransformerModelRuntime } from '../../../nlu/runtime';
import { writeTinyBertModel } from '../../support/tiny-model/tiny-bert-model';

/** Exact top-k by cosine, item by item in plain loops (the reference). */
function bruteForce(vectors: Float32Array[], k: number): { items: number[]; scores: number[] }[] {
  const norm = (v: Float32Array): number => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return vectors.map((a, i) => {
    const scored = vectors
      .map((b, j) => ({ j, s: a.reduce((s, x, c) => s + x * b[c]!, 0) / (norm(a) * norm(b)) }))
      .filter((x) => x.j !== i && x.s > 0)
      .sort((x, y) => y.s - x.s || x.j - y.j)
      .slice(0, k);
    return { items: scored.map((x) => x.j), scores: scored.map((x) => x.s) };
  });
}

function randomVectors(count: number, dimension: number, seed: number): Float32Array[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => Float32Array.from({ length: dimension }, () => random() * 2 - 1));
}

describe('ContentEmbeddingTrainer (content-embedding)', () => {
  describe('cosineNeighbours', () => {
    it('finds the exact top-N of every item, block by block, as a brute-force scan does', async () => {
      const vectors = randomVectors(53, 8, 1);
      const { matrix, dimension } = vectorMatrix(vectors);
      // 7 rows per block: the last block is partial.
      const neighbours = await cosineNeighbours(matrix, vectors.length, dimension, { neighbours: 5, blockRows: 7 });
      const expected = bruteForce(vectors, 5);
      for (let i = 0; i < vectors.length; i++) {
        expect([...neighbours.row(i)]).toEqual(expected[i]!.items);
        expected[i]!.scores.forEach((s, r) => expect(neighbours.weights[neighbours.offsets[i]! + r]).toBeCloseTo(s, 5));
      }
    });

    it('gives the same lists through the native product as in JavaScript', async () => {
      const vectors = randomVectors(1200, 64, 2);
      const { matrix, dimension } = vectorMatrix(vectors);
      // 600 rows per block is enough work to leave the JavaScript path; 20 rows stay below it.
      expect(600 * dimension * vectors.length).toBeGreaterThan(NATIVE_MIN_WORK);
      expect(20 * dimension * vectors.length).toBeLessThan(NATIVE_MIN_WORK);
      const product = new MatrixProduct();
      const native = await cosineNeighbours(matrix, vectors.length, dimension, { neighbours: 10, blockRows: 600, product });
      if (product.fallbackReason === undefined) expect(product.native).toBe(true);
      const js = await cosineNeighbours(matrix, vectors.length, dimension, { neighbours: 10, blockRows: 20 });
      expect([...native.offsets]).toEqual([...js.offsets]);
      expect([...native.items]).toEqual([...js.items]);
      native.weights.forEach((w, p) => expect(w).toBeCloseTo(js.weights[p]!, 5));
    });

    it('leaves items without a vector without neighbours and out of every list', async () => {
      const [a, b] = randomVectors(2, 4, 3);
      const { matrix, dimension } = vectorMatrix([a, undefined, b, a]);
      const neighbours = await cosineNeighbours(matrix, 4, dimension, { neighbours: 3 });
      expect(neighbours.row(1).length).toBe(0);
      for (const i of [0, 2, 3]) expect([...neighbours.row(i)]).not.toContain(1);
    });

    it('refuses vectors of two lengths, naming the item', () => {
      expect(() => vectorMatrix([new Float32Array(4).fill(1), new Float32Array(3).fill(1)])).toThrow(EmbeddingDimensionError);
      expect(() => vectorMatrix([new Float32Array(4).fill(1), new Float32Array(3).fill(1)])).toThrow(/Item 1 has a 3-dimensional vector/);
    });
  });

  it('embeds the catalogue text with the brand and category values, not their token prefixes', () => {
    expect(embeddingText({ id: 'p', text: 'Trail shoe\nZapatilla', attributes: ['brand:acme', 'category:running', 'size:42'] })).toBe('Trail shoe\nZapatilla\nacme\nrunning');
  });

  describe('with vectors from the tiny BERT model through the transformer runtime', () => {
    let folder: string;
    let runtime: TransformerModelRuntime;
    const texts: Record<string, string> = {
      red: 'red running shoe',
      'red-again': 'red running shoe',
      blue: 'blue winter coat',
      'blue-again': 'blue winter coat',
      lamp: 'desk lamp',
      mug: 'coffee mug',
    };
    let data: InteractionData;

    beforeAll(async () => {
      folder = mkdtempSync(join(tmpdir(), 'rec-embedding-'));
      const model = writeTinyBertModel(folder);
      runtime = new TransformerModelRuntime({ folder, allowRemote: false, threads: 1, batchWindowMs: 2, maxBatchSize: 32 });
      const ids = Object.keys(texts);
      const vectors = await runtime.featureExtractor(model.modelId).embed(ids.map((id) => texts[id]!));
      const catalogue: EmbeddedItemContent[] = ids.map((id, i) => ({ id, text: texts[id]!, vector: vectors[i]! }));
      data = InteractionData.fromSequences([{ user: 'u', items: ['red', 'lamp'] }], { catalogue });
    });

    afterAll(async () => {
      await runtime.close();
      rmSync(folder, { recursive: true, force: true });
    });

    it('makes identical texts each other’s nearest neighbour, with cosine 1', async () => {
      const trainer = new ContentEmbeddingTrainer();
      const model = await trainer.fit(data, trainer.defaults);
      for (const [a, b] of [['red', 'red-again'], ['blue', 'blue-again']] as const) {
        const [best] = model.recommend({ history: [a], k: 3 });
        expect(best).toEqual({ item: b, score: expect.any(Number), because: a });
        expect(best!.score).toBeCloseTo(1, 4);
      }
    });

    it('reuses the validation fit’s neighbours for the refit on the same content (they do not depend on interactions)', async () => {
      const trainer = new ContentEmbeddingTrainer();
      const validation = await trainer.fit(data.withoutLast(1), trainer.defaults);
      const refit = await trainer.fit(data, { ...trainer.defaults, historyLength: 1 }, { warmStart: validation.withParams({ ...trainer.defaults, historyLength: 1 }) });
      expect(refit.neighbours).toBe(validation.neighbours);
      expect(refit.params.historyLength).toBe(1);
      // Other neighbour settings, or other content, build anew.
      const wider = await trainer.fit(data, { ...trainer.defaults, neighbours: 2 }, { warmStart: validation });
      expect(wider.neighbours).not.toBe(validation.neighbours);
      expect(wider.neighbours.row(0).length).toBeLessThanOrEqual(2);
    });

    it('round-trips through serialize and load by the kind written in the artefact', async () => {
      const trainer = new ContentEmbeddingTrainer();
      const model = await trainer.fit(data, { ...trainer.defaults, historyLength: 2 });
      const loaded = loadRecommender(model.serialize());
      expect(loaded.kind).toBe(CONTENT_EMBEDDING_KIND);
      expect(loaded.params).toEqual(model.params);
      for (const history of [['red'], ['blue', 'mug'], ['lamp']]) expect(loaded.recommend({ history, k: 5 })).toEqual(model.recommend({ history, k: 5 }));
    });
  });

  describe('in the registry', () => {
    it('is a trainable kind the blend leaves out of its defaults (it needs vectors only a caller can compute)', () => {
      expect(recommenderTrainer(CONTENT_EMBEDDING_KIND).kind).toBe(CONTENT_EMBEDDING_KIND);
      const kinds = (recommenderTrainer('blend').defaults as BlendParams).components.map((c) => c.kind);
      expect(kinds).toContain('content-tfidf');
      expect(kinds).not.toContain(CONTENT_EMBEDDING_KIND);
    });

    it('takes the place of TF-IDF, at its weight, in the embedding blend', () => {
      const tfidf = (recommenderTrainer('blend').defaults as BlendParams).components;
      const embedding = contentEmbeddingBlend().components;
      expect(embedding.map((c) => c.kind)).toEqual(tfidf.map((c) => (c.kind === 'content-tfidf' ? CONTENT_EMBEDDING_KIND : c.kind)));
      expect(embedding.find((c) => c.kind === CONTENT_EMBEDDING_KIND)?.weight).toBe(tfidf.find((c) => c.kind === 'content-tfidf')?.weight);
    });
  });
});
