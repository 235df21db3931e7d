import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TextEmbedder } from '../../../nlu/intents';
import { TransformerModelRuntime } from '../../../nlu/runtime';
import { CatalogueSnapshot } from '../../../recommender/catalogue';
import type { CatalogueRecord } from '../../../recommender/catalogue/catalogue-types';
import { ContentSimilarity } from '../../../recommender/serving/content-similarity';
import { writeTinyBertModel } from '../../support/tiny-model/tiny-bert-model';

/** The runtime's extractor, with a record of the texts it was asked to embed. */
class RecordingEmbedder implements TextEmbedder {
  readonly texts: string[] = [];
  constructor(private readonly inner: TextEmbedder) {}
  get modelId(): string {
    return this.inner.modelId;
  }
  embed(texts: readonly string[]): Promise<Float32Array[]> {
    this.texts.push(...texts);
    return this.inner.embed(texts);
  }
}

let revision = 0;
function product(id: string, name: string): CatalogueRecord {
  revision++;
  return { id, sku: id, name, language: 'en', brand: null, category: null, priceMinor: 100, currency: 'EUR', stock: 1, active: true, url: null, imageUrl: null, revision, names: {}, prices: {}, shipsTo: null };
}

const cosine = (a: Float32Array, b: Float32Array): number => {
  let dot = 0, na = 0, nb = 0;
  for (let c = 0; c < a.length; c++) {
    dot += a[c]! * b[c]!;
    na += a[c]! * a[c]!;
    nb += b[c]! * b[c]!;
  }
  return dot / Math.sqrt(na * nb);
};

describe('ContentSimilarity', () => {
  let folder: string;
  let runtime: TransformerModelRuntime;
  let modelId: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'rec-serving-models-'));
    modelId = writeTinyBertModel(folder).modelId;
    runtime = new TransformerModelRuntime({ folder, allowRemote: false, threads: 1, batchWindowMs: 2, maxBatchSize: 32 });
  });

  afterAll(async () => {
    await runtime.close();
    rmSync(folder, { recursive: true, force: true });
  });

  function catalogue(): CatalogueSnapshot {
    const snapshot = new CatalogueSnapshot('w', 'en');
    snapshot.apply([product('shoe', 'red running shoe'), product('shoe-copy', 'red running shoe'), product('coat', 'red winter coat'), product('lamp', 'desk lamp')]);
    return snapshot;
  }

  describe('with a sentence-embedding model', () => {
    it('ranks by the cosine of the embeddings once the catalogue is embedded, and by TF-IDF until then', async () => {
      const embedder = new RecordingEmbedder(runtime.featureExtractor(modelId));
      const similarity = new ContentSimilarity({ embedder });
      const snapshot = catalogue();
      const shoe = snapshot.indexOf('shoe')!;
      // First call: the index is not built yet, so TF-IDF answers at once (serving never waits for the model).
      const before = similarity.similar(snapshot, [{ index: shoe, weight: 1 }]);
      expect(before[0]?.index).toBe(snapshot.indexOf('shoe-copy'));
      expect(await similarity.ready(snapshot)).toBe(true);
      const after = similarity.similar(snapshot, [{ index: shoe, weight: 1 }]);
      expect(after[0]).toEqual({ index: snapshot.indexOf('shoe-copy'), score: expect.any(Number), anchor: shoe });
      expect(after[0]!.score).toBeCloseTo(1, 4);
      const [shoeVector, coatVector] = await runtime.featureExtractor(modelId).embed(['red running shoe', 'red winter coat']);
      const coat = after.find((s) => s.index === snapshot.indexOf('coat'));
      expect(coat?.score).toBeCloseTo(cosine(shoeVector!, coatVector!), 4);
      expect(embedder.texts.sort()).toEqual(['desk lamp', 'red running shoe', 'red running shoe', 'red winter coat']);
    });

    it("finds a brand-new product's neighbours, embedding only the new product's text", async () => {
      const embedder = new RecordingEmbedder(runtime.featureExtractor(modelId));
      const similarity = new ContentSimilarity({ embedder });
      const snapshot = catalogue();
      await similarity.ready(snapshot);
      embedder.texts.length = 0;
      snapshot.apply([product('new-coat', 'red winter coat')]);
      const fresh = snapshot.indexOf('new-coat')!;
      expect(await similarity.ready(snapshot)).toBe(true);
      expect(embedder.texts).toEqual(['red winter coat']);
      const [best] = similarity.similar(snapshot, [{ index: fresh, weight: 1 }]);
      expect(best).toEqual({ index: snapshot.indexOf('coat'), score: expect.any(Number), anchor: fresh });
      expect(best!.score).toBeCloseTo(1, 4);
    });

    it('answers by TF-IDF and reports the error when the model cannot embed', async () => {
      const closed = new TransformerModelRuntime({ folder, allowRemote: false, threads: 1 });
      const embedder = closed.featureExtractor(modelId);
      await closed.close();
      const errors: unknown[] = [];
      const similarity = new ContentSimilarity({ embedder, onEmbeddingError: (error) => errors.push(error) });
      const snapshot = catalogue();
      expect(await similarity.ready(snapshot)).toBe(false);
      expect(errors).toHaveLength(1);
      const [best] = similarity.similar(snapshot, [{ index: snapshot.indexOf('shoe')!, weight: 1 }]);
      expect(best?.index).toBe(snapshot.indexOf('shoe-copy'));
    });
  });

  it('without a model, is TF-IDF only', async () => {
    const similarity = new ContentSimilarity();
    const snapshot = catalogue();
    expect(await similarity.ready(snapshot)).toBe(false);
    const [best] = similarity.similar(snapshot, [{ index: snapshot.indexOf('shoe')!, weight: 1 }]);
    expect(best?.index).toBe(snapshot.indexOf('shoe-copy'));
  });
});
