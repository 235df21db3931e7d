import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModelDeviceError, ModelNotFoundError, TransformerModelRuntime, type BatchInfo } from '../../../nlu/runtime';
import { onnxRuntimeBinaryFolder } from '../../../nlu/runtime/device-support';
import { ModelWorkerPool } from '../../../nlu/runtime/model-worker-pool';
import { writeTinyBertModel, type TinyBertModel } from '../../support/tiny-model/tiny-bert-model';

function norm(vector: Float32Array): number {
  return Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
}

function expectClose(actual: Float32Array, expected: Float32Array): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => expect(value).toBeCloseTo(expected[i] ?? NaN, 5));
}

describe('FeatureExtractor', () => {
  let folder: string;
  let model: TinyBertModel;
  let runtime: TransformerModelRuntime;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'models-'));
    model = writeTinyBertModel(folder);
    runtime = new TransformerModelRuntime({ folder, allowRemote: false, threads: 1, batchWindowMs: 5, maxBatchSize: 32 });
  });

  afterAll(async () => {
    await runtime.close();
    rmSync(folder, { recursive: true, force: true });
  });

  describe('with the tiny BERT model in the local folder and downloads off', () => {
    it('embeds each text into one vector of the hidden size', async () => {
      const vectors = await runtime.featureExtractor(model.modelId).embed(['hello world', 'where is my order?']);
      expect(vectors).toHaveLength(2);
      for (const vector of vectors) {
        // Not toBeInstanceOf: arrays from a worker belong to Node's realm, not to Jest's sandbox.
        expect(Object.prototype.toString.call(vector)).toBe('[object Float32Array]');
        expect(vector).toHaveLength(model.hiddenSize);
      }
    });

    it('gives the same text the same vector and different texts different vectors', async () => {
      const extractor = runtime.featureExtractor(model.modelId);
      const [first] = await extractor.embed(['where is my order?']);
      const [again, other] = await extractor.embed(['where is my order?', 'refund please']);
      expect(Array.from(again!)).toEqual(Array.from(first!));
      expect(Array.from(other!)).not.toEqual(Array.from(first!));
    });

    it('returns unit-length vectors unless normalisation is turned off', async () => {
      const extractor = runtime.featureExtractor(model.modelId);
      const [normalized] = await extractor.embed(['hola donde esta mi pedido']);
      const [raw] = await extractor.embed(['hola donde esta mi pedido'], { normalize: false });
      expect(norm(normalized!)).toBeCloseTo(1, 5);
      expect(norm(raw!)).not.toBeCloseTo(1, 2);
      expectClose(normalized!, raw!.map((value) => value / norm(raw!)));
    });

    it('gives a text the same vector alone as padded inside a batch with longer texts', async () => {
      // The tiny model outputs zeros at padded positions, so a mean over all positions (ignoring the attention mask)
      // would shrink the padded row; only mask-weighted pooling keeps it equal.
      const extractor = runtime.featureExtractor(model.modelId);
      const [alone] = await extractor.embed(['hello'], { normalize: false });
      const [, padded] = await extractor.embed(
        ['where is my order please, i want to track the shipping of my package', 'hello'],
        { normalize: false },
      );
      expectClose(padded!, alone!);
    });

    it('serves several concurrent embed calls with one batch', async () => {
      const extractor = runtime.featureExtractor(model.modelId);
      await extractor.load();
      const texts = ['hello', 'where is my order?', 'refund please', 'bonjour commande', 'wo ist meine bestellung'];
      const alone: Float32Array[] = [];
      for (const text of texts) alone.push((await extractor.embed([text]))[0]!);

      const batches: BatchInfo[] = [];
      const stop = extractor.onBatch((batch) => batches.push(batch));
      const together = await Promise.all(texts.map((text) => extractor.embed([text])));
      stop();

      expect(batches).toEqual([expect.objectContaining({ size: 5, requests: 5, failed: false })]);
      together.forEach(([vector], i) => expectClose(vector!, alone[i]!));
    });
  });

  describe('when more texts arrive than maxBatchSize', () => {
    it('splits them over several batches and still answers every text in order', async () => {
      const small = new TransformerModelRuntime({ folder, threads: 2, maxBatchSize: 4, batchWindowMs: 5 });
      try {
        const extractor = small.featureExtractor(model.modelId);
        const texts = Array.from({ length: 10 }, (_, i) => `order ${i}`);
        const batches: BatchInfo[] = [];
        extractor.onBatch((batch) => batches.push(batch));
        const vectors = await extractor.embed(texts);

        expect(batches.map((batch) => batch.size).sort()).toEqual([2, 4, 4]);
        expect(extractor.stats()).toMatchObject({ batches: 3, items: 10, largestBatch: 4, workers: 2 });
        const reference = await runtime.featureExtractor(model.modelId).embed(texts);
        vectors.forEach((vector, i) => expectClose(vector, reference[i]!));
      } finally {
        await small.close();
      }
    });
  });

  describe('when the model is not in the folder', () => {
    it('fails with ModelNotFoundError naming the folder and how to get the model, without starting a worker', async () => {
      const extractor = runtime.featureExtractor('test-org/not-downloaded');
      const failure = extractor.embed(['hello']);
      await expect(failure).rejects.toThrow(ModelNotFoundError);
      await expect(failure).rejects.toThrow(folder);
      await expect(failure).rejects.toThrow(/npm run models:download.*MODELS_DIR/);
      expect(extractor.stats().workers).toBe(0);
    });
  });

  describe('when the device is cuda and onnxruntime-node has no CUDA build', () => {
    const cudaInstalled = existsSync(join(onnxRuntimeBinaryFolder(), 'libonnxruntime_providers_cuda.so'));

    (cudaInstalled ? it.skip : it)('fails to load with ModelDeviceError telling how to install it', async () => {
      const extractor = runtime.featureExtractor(model.modelId, { device: 'cuda' });
      await expect(extractor.load()).rejects.toThrow(ModelDeviceError);
      await expect(extractor.load()).rejects.toThrow('npm install --onnxruntime-node-install=cuda12');
    });

    (cudaInstalled ? it.skip : it)('reports the same error from the worker when onnxruntime refuses the session', async () => {
      // Past the start-up check: the real worker asks transformers.js for device 'cuda' and onnxruntime fails.
      const pool = new ModelWorkerPool<'feature-extraction'>(
        { task: 'feature-extraction', modelId: model.modelId, folder, allowRemote: false, device: 'cuda', dtype: 'fp32' },
        { threads: 1 },
      );
      try {
        await expect(pool.start()).rejects.toThrow(ModelDeviceError);
        expect(pool.size).toBe(0);
      } finally {
        await pool.close();
      }
    });
  });
});
