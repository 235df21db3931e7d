import {
  familySupports,
  opusMtPair,
  pipelineLanguages,
  resolveTranslationFamily,
  translationFamilyOf,
  TranslationLanguageError,
} from '../../../nlu/runtime';

describe('translation languages', () => {
  describe('translationFamilyOf', () => {
    it('tells NLLB, M2M100 and opus-mt models from their hub ids', () => {
      expect(translationFamilyOf('Xenova/nllb-200-distilled-600M')).toBe('nllb');
      expect(translationFamilyOf('Xenova/m2m100_418M')).toBe('m2m100');
      expect(translationFamilyOf('Xenova/opus-mt-es-en')).toBe('opus-mt');
      expect(translationFamilyOf('Xenova/multilingual-e5-small')).toBeUndefined();
      expect(opusMtPair('Helsinki-NLP/opus-mt-fr-en')).toEqual(['fr', 'en']);
    });
  });

  describe('pipelineLanguages', () => {
    it('gives NLLB its FLORES-200 codes, M2M100 its own codes, and opus-mt none', () => {
      expect(pipelineLanguages('nllb', 'Xenova/nllb-200-distilled-600M', 'es', 'en')).toEqual({ src_lang: 'spa_Latn', tgt_lang: 'eng_Latn' });
      expect(pipelineLanguages('nllb', 'Xenova/nllb-200-distilled-600M', 'zh', 'ja')).toEqual({ src_lang: 'zho_Hans', tgt_lang: 'jpn_Jpan' });
      expect(pipelineLanguages('m2m100', 'Xenova/m2m100_418M', 'de', 'fr')).toEqual({ src_lang: 'de', tgt_lang: 'fr' });
      expect(pipelineLanguages('opus-mt', 'Xenova/opus-mt-es-en', 'es', 'en')).toEqual({});
    });

    it('refuses a pair the model does not translate, saying what it knows', () => {
      expect(() => pipelineLanguages('opus-mt', 'Xenova/opus-mt-es-en', 'en', 'es')).toThrow(TranslationLanguageError);
      expect(() => pipelineLanguages('m2m100', 'Xenova/m2m100_418M', 'xx', 'en')).toThrow(/It knows: af, am/);
      expect(familySupports('nllb', 'Xenova/nllb-200-distilled-600M', 'en', 'en')).toBe(false);
    });
  });

  describe('resolveTranslationFamily', () => {
    it('uses the declared family, else the id, else says which models work', () => {
      expect(resolveTranslationFamily('acme/shop-mt', 'nllb')).toBe('nllb');
      expect(() => resolveTranslationFamily('acme/shop-mt')).toThrow(/Xenova\/nllb-200-distilled-600M/);
      expect(() => resolveTranslationFamily('acme/shop-mt', 'opus-mt')).toThrow(TranslationLanguageError);
    });
  });
});
