/** Natural-language understanding. For now: language identification and the reply-language decision. */
export type { LanguageGuess, LanguageIdentifier } from './language/language-identifier';
export { FastTextLanguageIdentifier } from './language/fasttext-identifier';
export { decideLanguage, type LanguageContext, type LanguageDecision, type LanguageSource } from './language/language-decision';
export { textForLanguageIdentification } from './language/language-text';
export { dominantScript, letterCount, scriptOfLanguage, isDenseScript, type Script } from './language/script';
export * as entities from './entities';
export * as intents from './intents';
export { NluPipeline, type Understanding, type UnderstandOptions } from './pipeline';
