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
}

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
  const confident = guess.confidence >= context.minConfidence;
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
