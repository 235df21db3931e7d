/**
 * Tells whether a shopper's message is only a greeting ("hi there", "hola buenas", "你好啊"), so the bot can
 * greet back instead of saying it did not understand.
 */
import { enTemplates } from './templates/en';
import type { TemplateSet } from './templates/template-set';

/** Longer messages carry a request even when they open with a greeting. */
const MAX_GREETING_LENGTH = 60;

/**
 * Scripts written without spaces between words: there a phrase may be followed directly by the next one
 * ("你好啊", "สวัสดีครับ"). Script_Extensions also covers the long-vowel mark ー.
 */
const UNSPACED = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}]/u;

/** One entry of the vocabulary: a normalised phrase and whether it greets (or is only a filler). */
interface Phrase {
  text: string;
  greets: boolean;
}

/** Vocabulary per template set, longest phrases first, built on first use. */
const vocabularies = new WeakMap<TemplateSet, readonly Phrase[]>();

/**
 * Lowercases and simplifies `text` so that shoppers' spellings meet the lists: NFKC (full-width letters),
 * no apostrophes ("what's" → "whats"), other punctuation, symbols and emoji become spaces, Arabic diacritics
 * and tatweel go, letters repeated three or more times shrink to one ("hiii" → "hi", "哈哈哈" → "哈").
 */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/i\u0307/g, 'i') // Turkish "İ" lowercases to "i" + combining dot.
    .replace(/['’ʼ]/g, '')
    .replace(/[\p{P}\p{S}\p{Extended_Pictographic}]/gu, ' ')
    .replace(/\u200d|\ufe0f/g, ' ') // emoji joiners and variation selectors, kept apart from the class above
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/(\p{L}\p{M}*)\1{2,}/gu, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The language's greetings and fillers plus English ones (shoppers write "hi" in every language). */
function vocabularyFor(templates: TemplateSet): readonly Phrase[] {
  let vocabulary = vocabularies.get(templates);
  if (!vocabulary) {
    const sets = templates === enTemplates ? [templates] : [templates, enTemplates];
    vocabulary = sets
      .flatMap((set) => [
        ...set.greetings.map((text) => ({ text: normalise(text), greets: true })),
        ...set.greetingFillers.map((text) => ({ text: normalise(text), greets: false })),
      ])
      .filter((phrase) => phrase.text.length > 0)
      .sort((a, b) => b.text.length - a.text.length);
    vocabularies.set(templates, vocabulary);
  }
  return vocabulary;
}

/**
 * Whether a phrase of `length` characters at the start of `rest` ends at a word boundary: the end of the
 * message, a space, or a neighbour in an unspaced script ("hi" must not match the start of "his").
 */
function endsAtBoundary(rest: string, length: number): boolean {
  const next = rest.charAt(length);
  const last = rest.charAt(length - 1);
  return next === '' || next === ' ' || UNSPACED.test(last) || UNSPACED.test(next);
}

/**
 * True when `text` is nothing but greetings and filler words in the shopper's language or English,
 * with at least one actual greeting ("hello team" yes, "team" no, "hi, where is my order?" no).
 */
export function isGreeting(text: string, templates: TemplateSet): boolean {
  if ([...text.trim()].length > MAX_GREETING_LENGTH) return false;
  const vocabulary = vocabularyFor(templates);
  let rest = normalise(text);
  let greeted = false;
  // Peel the longest known phrase off the front until nothing is left or nothing matches.
  while (rest.length > 0) {
    const match = vocabulary.find((phrase) => rest.startsWith(phrase.text) && endsAtBoundary(rest, phrase.text.length));
    if (!match) return false;
    greeted ||= match.greets;
    rest = rest.slice(match.text.length).trimStart();
  }
  return greeted;
}
