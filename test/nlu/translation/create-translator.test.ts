import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModelNotFoundError, TransformerModelRuntime } from '../../../nlu/runtime';
import { createTranslator, translationModelIds, TranslationError } from '../../../nlu/translation';
import { writeTinyMarianModel } from '../../support/tiny-model/tiny-marian-model';

describe('createTranslator', () => {
  let folder: string;
  let runtime: TransformerModelRuntime;
  const deEn = 'test-org/tiny-opus-mt-de-en';
  const esEn = 'test-org/tiny-opus-mt-es-en';

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'models-'));
    writeTinyMarianModel(folder, { modelId: deEn, seed: 3 });
    writeTinyMarianModel(folder, { modelId: esEn });
    runtime = new TransformerModelRuntime({ folder, batchWindowMs: 2 });
  });

  afterAll(async () => {
    await runtime.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('reads TRANSLATION_MODEL as a comma-separated list of hub ids', () => {
    expect(translationModelIds(' Xenova/opus-mt-es-en, Xenova/opus-mt-en-es ,')).toEqual(['Xenova/opus-mt-es-en', 'Xenova/opus-mt-en-es']);
    expect(translationModelIds('')).toEqual([]);
  });

  describe('with engine transformers', () => {
    it('translates with the configured model only', async () => {
      const translator = await createTranslator({ engine: 'transformers', apertiumUrl: '', model: deEn }, { modelRuntime: runtime });
      expect(translator?.name).toBe('transformers');
      expect(translator?.supports('de', 'en')).toBe(true);
      expect(translator?.supports('es', 'en')).toBe(false);
      const translated = await translator!.translate('hallo', 'de', 'en');
      expect(translated).toBe((await runtime.translator(deEn).translate(['hallo'], { from: 'de', to: 'en' }))[0]);
    });

    it('fails without a model, and fails at start-up when the model is not in the folder', async () => {
      await expect(createTranslator({ engine: 'transformers', apertiumUrl: '' }, { modelRuntime: runtime })).rejects.toThrow(TranslationError);
      await expect(createTranslator({ engine: 'transformers', apertiumUrl: '', model: 'test-org/opus-mt-fr-en' }, { modelRuntime: runtime })).rejects.toThrow(
        ModelNotFoundError,
      );
    });

    it('makes its own runtime from the runtime options when none is passed', async () => {
      const translator = await createTranslator({ engine: 'transformers', apertiumUrl: '', model: deEn }, { runtimeOptions: { folder } });
      try {
        expect(await translator!.translate('hallo', 'de', 'en')).toEqual(expect.any(String));
      } finally {
        await translator?.close?.();
      }
    });
  });

  describe('with engine auto, Apertium installed and a model configured', () => {
    it('routes each pair to Apertium where it has it and to the model otherwise', async () => {
      const translator = await createTranslator({ engine: 'auto', apertiumUrl: '', model: `${deEn},${esEn}` }, { modelRuntime: runtime });
      try {
        expect(translator?.name).toMatch(/^apertium.*\+transformers$/);
        expect((await translator!.translate('¿Puedo pagar con tarjeta de crédito?', 'es', 'en')).toLowerCase()).toMatch(/pay/);
        expect(translator!.supports('de', 'en')).toBe(true);
      } finally {
        await translator?.close?.();
      }
    });

    it('puts the model first with prefer transformers', async () => {
      const translator = await createTranslator(
        { engine: 'auto', apertiumUrl: '', model: esEn, prefer: 'transformers' },
        { modelRuntime: new TransformerModelRuntime({ folder }) },
      );
      try {
        expect(translator?.name).toMatch(/^transformers\+apertium/);
        const fromModel = await translator!.translate('¿donde esta mi pedido?', 'es', 'en');
        expect(fromModel).toBe((await runtime.translator(esEn).translate(['¿donde esta mi pedido?'], { from: 'es', to: 'en' }))[0]);
      } finally {
        await translator?.close?.();
      }
    });
  });
});
