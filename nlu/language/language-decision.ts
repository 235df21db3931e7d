/**
 * Decides which language to answer in, given the identifier's guess and what the conversation already knows.
 * Short messages ("ok", "thx", "👍") must not flip an established language; a message in another script must.
 */
import type { LanguageGuess } from './language-identifier';
import { dominantScript, isDenseScript, letterCount, scriptOfLanguage } from './script';

/** Inputs of {@link decideLanguage}. */
export interface LanguageContext {
  /** The identifier's guess for this message. */
  guess: LanguageGuess;
  /** The message text. */
  text: string;
  /** Language the conversation is held in, if established. */
  conversationLanguage: string | null;
  /** Language a greeting lexicon recognised in the message ("hola" -> es), when the message is only a greeting. */
  lexiconLanguage?: string;
  /** Fallback when nothing is known (the workspace default). */
  defaultLanguage: string;
  /** Minimum confidence for the guess to count at all. */
  minConfidence: number;
  /** Alphabetic messages with fewer letters than this cannot change an established language. */
  shortMessageLetters: number;
  /**
   * Whether the platform can answer in a language. An unsure guess (below 0.8) of a language it cannot answer in
   * counts as no guess: fastText reads a short Spanish "Recomiéndame algo" as Asturian (0.59), and the shopper is
   * better served by the conversation's, the locale's or the store's language than by an English fallback.
   * @defaultValue every language
   */
  isSupported?: (language: string) => boolean;
}

/** Confidence from which a guess counts even for a language the platform cannot answer in. */
const UNSUPPORTED_MIN_CONFIDENCE = 0.8;

/** Why a language was chosen. */
export type LanguageSource = 'detected' | 'lexicon' | 'conversation' | 'default';

/** The decision. */
export interface LanguageDecision {
  language: string;
  source: LanguageSource;
}

/**
 * Picks the reply language.
 * 1. A long enough, confident guess wins (the shopper switched language).
 * 2. A short message in a different script than the conversation's wins too ("你好" after English).
 * 3. Otherwise the conversation keeps its language; a first short message may use a greeting lexicon hit
 *    ("hola") or a confident guess; else the workspace default.
 */
export function decideLanguage(context: LanguageContext): LanguageDecision {
  const { guess, text, conversationLanguage } = context;
  const script = dominantScript(text);
  const unsureUnsupported = context.isSupported !== undefined && !context.isSupported(guess.language) && guess.confidence < UNSUPPORTED_MIN_CONFIDENCE;
  const confident = guess.confidence >= context.minConfidence && !unsureUnsupported;
  const guessMatchesScript = scriptOfLanguage(guess.language) === script || (guess.language === 'zh' && script === 'han');
  const informative = isDenseScript(script) || letterCount(text) >= context.shortMessageLetters;

  if (confident && informative && guessMatchesScript) return { language: guess.language, source: 'detected' };
  if (conversationLanguage) {
    const scriptChanged = script !== 'other' && scriptOfLanguage(conversationLanguage) !== script;
    if (scriptChanged && confident && guessMatchesScript) return { language: guess.language, source: 'detected' };
    return { language: conversationLanguage, source: 'conversation' };
  }
  if (context.lexiconLanguage) return { language: context.lexiconLanguage, source: 'lexicon' };
  if (confident && guessMatchesScript && guess.confidence >= Math.max(0.8, context.minConfidence)) {
    return { language: guess.language, source: 'detected' };
  }
  return { language: context.defaultLanguage, source: 'default' };
}
