import { isAbsolute, resolve } from 'node:path';
import { loadConfig } from '../../../config';
import { DEFAULT_RUNTIME_OPTIONS, resolveRuntimeOptions, runtimeOptionsFromConfig } from '../../../nlu/runtime';

describe('runtimeOptionsFromConfig', () => {
  describe('when nothing is configured', () => {
    it('gives the runtime defaults, which match the models config section', () => {
      const options = runtimeOptionsFromConfig(loadConfig({ env: {} }));
      expect(options).toEqual(resolveRuntimeOptions());
      expect(options).toEqual({ ...DEFAULT_RUNTIME_OPTIONS, folder: resolve('./models') });
    });
  });

  describe('when the environment sets the MODELS_* variables', () => {
    it('reads every one and makes the folder absolute', () => {
      const config = loadConfig({
        env: {
          MODELS_DIR: 'var/models',
          MODELS_ALLOW_REMOTE: 'true',
          MODELS_DEVICE: 'cuda',
          MODELS_DTYPE: 'q8',
          MODELS_EMBEDDING: 'Xenova/multilingual-e5-small',
          MODELS_THREADS: '2',
          MODELS_MAX_BATCH: '8',
          MODELS_BATCH_WINDOW_MS: '0',
        },
      });
      expect(config.models.embeddingModel).toBe('Xenova/multilingual-e5-small');
      const options = runtimeOptionsFromConfig(config);
      expect(isAbsolute(options.folder)).toBe(true);
      expect(options).toEqual({
        folder: resolve('var/models'),
        allowRemote: true,
        device: 'cuda',
        dtype: 'q8',
        threads: 2,
        maxBatchSize: 8,
        batchWindowMs: 0,
      });
    });
  });

  describe('when the device is not one the runtime supports', () => {
    it('fails to load the configuration naming MODELS_DEVICE', () => {
      expect(() => loadConfig({ env: { MODELS_DEVICE: 'tpu' } })).toThrow(/models\.device \(env MODELS_DEVICE\)/);
    });
  });
});
