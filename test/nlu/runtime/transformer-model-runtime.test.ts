import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidModelIdError, ModelClosedError, TransformerModelRuntime } from '../../../nlu/runtime';
import { writeTinyBertModel, type TinyBertModel } from '../../support/tiny-model/tiny-bert-model';

describe('TransformerModelRuntime', () => {
  let folder: string;
  let model: TinyBertModel;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'models-'));
    model = writeTinyBertModel(folder);
  });

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  describe('when the same model is asked for twice', () => {
    it('hands out one shared instance per model, device and dtype, starting nothing yet', async () => {
      const runtime = new TransformerModelRuntime({ folder });
      const first = runtime.featureExtractor(model.modelId);
      expect(runtime.featureExtractor(model.modelId)).toBe(first);
      expect(runtime.featureExtractor(model.modelId, { device: 'cpu', dtype: 'fp32' })).toBe(first);
      expect(runtime.featureExtractor(model.modelId, { dtype: 'q8' })).not.toBe(first);
      expect(runtime.size).toBe(2);
      expect(first.stats().workers).toBe(0);
      await runtime.close();
    });
  });

  describe('when an instance was closed', () => {
    it('hands out a fresh one, and the closed one refuses work', async () => {
      const runtime = new TransformerModelRuntime({ folder });
      const closed = runtime.featureExtractor(model.modelId);
      await closed.close();
      const fresh = runtime.featureExtractor(model.modelId);
      expect(fresh).not.toBe(closed);
      await expect(closed.embed(['hello'])).rejects.toThrow(ModelClosedError);
      await expect(fresh.embed(['hello'])).resolves.toHaveLength(1);
      await runtime.close();
    });
  });

  describe('when the runtime closes', () => {
    it('ends every worker thread and hands out nothing more', async () => {
      const runtime = new TransformerModelRuntime({ folder, threads: 2 });
      const extractor = runtime.featureExtractor(model.modelId);
      await extractor.load();
      expect(extractor.stats().workers).toBe(2);

      await runtime.close();

      expect(extractor.stats().workers).toBe(0);
      expect(runtime.size).toBe(0);
      await expect(extractor.embed(['hello'])).rejects.toThrow(ModelClosedError);
      expect(() => runtime.featureExtractor(model.modelId)).toThrow(ModelClosedError);
    });

    it('lets a batch already sent to a worker finish', async () => {
      const runtime = new TransformerModelRuntime({ folder, batchWindowMs: 0, maxBatchSize: 1 });
      const extractor = runtime.featureExtractor(model.modelId);
      await extractor.load();
      const running = extractor.embed(['hello']);
      await new Promise((resolve) => setImmediate(resolve)); // a full batch is posted to the worker at once
      await runtime.close();
      await expect(running).resolves.toHaveLength(1);
    });

    it('fails requests still waiting for their batch window with ModelClosedError', async () => {
      const runtime = new TransformerModelRuntime({ folder, batchWindowMs: 60_000 });
      const extractor = runtime.featureExtractor(model.modelId);
      await extractor.load();
      const waiting = expect(extractor.embed(['hello'])).rejects.toThrow(ModelClosedError);
      await new Promise((resolve) => setImmediate(resolve));
      await runtime.close();
      await waiting;
    });
  });

  describe('when the model id is not a hub id', () => {
    it.each(['../etc/passwd', '/abs/path', 'a/b/c', ''])('refuses %j with InvalidModelIdError', (modelId) => {
      const runtime = new TransformerModelRuntime({ folder });
      expect(() => runtime.featureExtractor(modelId)).toThrow(InvalidModelIdError);
    });
  });
});
