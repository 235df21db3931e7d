/** Natural-language understanding. For now: language identification and the reply-language decision. */
export type { LanguageGuess, LanguageIdentifier } from './language/language-identifier';
export { FastTextLanguageIdentifier } from './language/fasttext-identifier';
export { decideLanguage, type LanguageContext, type LanguageDecision, type LanguageSource } from './language/language-decision';
export { dominantScript, letterCount, scriptOfLanguage, isDenseScript, type Script } from './language/script';
