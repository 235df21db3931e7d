import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TransformerModelRuntime, TranslationLanguageError } from '../../../nlu/runtime';
import { TransformersTranslator, TranslationError } from '../../../nlu/translation';
import { writeTinyMarianModel } from '../../support/tiny-model/tiny-marian-model';

describe('TransformersTranslator', () => {
  let folder: string;
  let runtime: TransformerModelRuntime;
  const esEn = 'test-org/tiny-opus-mt-es-en';
  const enEs = 'test-org/tiny-opus-mt-en-es';

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'models-'));
    writeTinyMarianModel(folder, { modelId: esEn, seed: 7 });
    writeTinyMarianModel(folder, { modelId: enEs, seed: 11 });
    runtime = new TransformerModelRuntime({ folder, batchWindowMs: 5 });
  });

  afterAll(async () => {
    await runtime.close();
    rmSync(folder, { recursive: true, force: true });
  });

  describe('with one opus-mt model per pair', () => {
    it('supports exactly the pairs in the model names', () => {
      const translator = new TransformersTranslator(runtime, { models: [esEn, enEs] });
      expect(translator.supports('es', 'en')).toBe(true);
      expect(translator.supports('en', 'es')).toBe(true);
      expect(translator.supports('fr', 'en')).toBe(false);
      expect(translator.supports('es', 'es')).toBe(false);
    });

    it('translates each pair with its own model', async () => {
      const translator = new TransformersTranslator(runtime, { models: [esEn, enEs], maxNewTokens: 12 });
      const spanishToEnglish = await translator.translate('¿donde esta mi pedido?', 'es', 'en');
      const sameTextOtherModel = await translator.translate('¿donde esta mi pedido?', 'en', 'es');
      expect(spanishToEnglish).toEqual((await runtime.translator(esEn).translate(['¿donde esta mi pedido?'], { from: 'es', to: 'en', maxNewTokens: 12 }))[0]);
      expect(sameTextOtherModel).not.toEqual(spanishToEnglish);
    });

    it('fails with TranslationError for a pair no model covers', async () => {
      const translator = new TransformersTranslator(runtime, { models: [esEn] });
      await expect(translator.translate('bonjour', 'fr', 'en')).rejects.toThrow(TranslationError);
    });
  });

  describe('when configured wrongly', () => {
    it('refuses an empty model list and a model whose family it cannot tell', () => {
      expect(() => new TransformersTranslator(runtime, { models: [] })).toThrow(/TRANSLATION_MODEL/);
      expect(() => new TransformersTranslator(runtime, { models: ['test-org/some-model'] })).toThrow(TranslationLanguageError);
    });
  });
});
