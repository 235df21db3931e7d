import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TransformerModelRuntime } from '../../../nlu/runtime';
import { ApertiumTranslator, TransformersTranslator, TranslationError, TranslationRouter } from '../../../nlu/translation';
import { writeTinyMarianModel } from '../../support/tiny-model/tiny-marian-model';

describe('TranslationRouter', () => {
  let folder: string;
  let runtime: TransformerModelRuntime;
  let apertium: ApertiumTranslator;
  let model: TransformersTranslator;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'models-'));
    writeTinyMarianModel(folder, { modelId: 'test-org/tiny-opus-mt-es-en' });
    writeTinyMarianModel(folder, { modelId: 'test-org/tiny-opus-mt-de-en', seed: 3 });
    runtime = new TransformerModelRuntime({ folder, batchWindowMs: 2 });
    model = new TransformersTranslator(runtime, { models: ['test-org/tiny-opus-mt-es-en', 'test-org/tiny-opus-mt-de-en'], maxNewTokens: 12 });
    const detected = await ApertiumTranslator.detect();
    if (!detected) throw new Error('Apertium is not installed: run scripts/test.sh (it installs apertium and its en-es, fr-es, es-pt pairs)');
    apertium = detected;
  });

  afterAll(async () => {
    await runtime.close();
    rmSync(folder, { recursive: true, force: true });
  });

  describe('with Apertium first and the transformer model second', () => {
    it('sends a pair Apertium has to Apertium and a pair only the model has to the model', async () => {
      const router = new TranslationRouter([apertium, model]);
      expect(router.name).toBe(`${apertium.name}+transformers`);
      expect(router.backendFor('es', 'en')).toBe(apertium);
      expect(router.backendFor('de', 'en')).toBe(model);
      expect((await router.translate('¿Puedo pagar con tarjeta de crédito?', 'es', 'en')).toLowerCase()).toMatch(/pay/);
      expect(await router.translate('hallo', 'de', 'en')).toBe(await model.translate('hallo', 'de', 'en'));
    });

    it('supports the union of the pairs, and refuses the rest with TranslationError', async () => {
      const router = new TranslationRouter([apertium, model]);
      expect(router.supports('fr', 'pt')).toBe(true);
      expect(router.supports('de', 'en')).toBe(true);
      expect(router.supports('de', 'fr')).toBe(false);
      await expect(router.translate('hallo', 'de', 'fr')).rejects.toThrow(TranslationError);
    });
  });

  describe('with the transformer model preferred', () => {
    it('sends a pair both have to the model', async () => {
      const router = new TranslationRouter([model, apertium]);
      expect(router.backendFor('es', 'en')).toBe(model);
      expect(router.backendFor('en', 'es')).toBe(apertium);
    });
  });
});
