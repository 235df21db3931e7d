/** Machine translation: the interface, the Apertium and transformer backends, the per-pair router, protected terms and the Redis cache. */
export { TranslationError, type TranslationContext, type Translator } from './translator';
export { ApertiumTranslator, type ApertiumOptions } from './apertium-translator';
export { ApertiumApyTranslator, type ApyOptions } from './apertium-apy-translator';
export { TransformersTranslator, type TransformersTranslatorOptions } from './transformers-translator';
export { TranslationRouter } from './translation-router';
export { protectTerms, restoreTerms, TermProtectingTranslator, type ProtectedText, type ProtectionOptions } from './protected-terms';
export { CachedTranslator, type TranslationCacheOptions } from './cached-translator';
export {
  createTranslator,
  createApertiumBackend,
  createTransformersBackend,
  translationModelIds,
  type TranslatorSettings,
  type TranslatorDependencies,
} from './create-translator';
export { routePair, APY_CODES, APERTIUM_MODES } from './apertium-pairs';
