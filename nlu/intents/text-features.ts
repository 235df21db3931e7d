/**
 * Turns a message into the raw n-gram strings the intent classifier counts. Character n-grams carry most of the
 * signal and need no word segmenter, so Chinese, Japanese and Thai work like every other language; word uni- and
 * bigrams add the word-order signal that character n-grams lose in spaced languages.
 */

/** Which n-grams to extract. */
export interface TextFeatureOptions {
  /** Shortest and longest character n-gram, counted inside each token padded with spaces (sklearn's `char_wb`). */
  charMin: number;
  charMax: number;
  /** Longest word n-gram (1 = unigrams only, 0 = no word features). */
  wordMax: number;
  /** Longest character n-gram that spans a word boundary (0 = none). */
  crossMax?: number;
}

/** Defaults found by cross-validation on the training splits (never on a test split). */
export const DEFAULT_TEXT_FEATURES: TextFeatureOptions = { charMin: 1, charMax: 5, wordMax: 2 };

const MARKS_ON_LATIN_OR_ARABIC = /([\p{Script=Latin}\p{Script=Arabic}])\p{M}+/gu;
const DIGIT = /\p{Nd}/gu;
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;
const SYMBOL_ONLY = /^[^\p{L}\p{N}]$/u;

/**
 * Normalises a message for counting: Unicode NFKC, lower case, every digit mapped to `0` (order numbers vary, their
 * shape does not) and whitespace collapsed.
 */
export function normalizeForFeatures(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(DIGIT, '0').replace(/\s+/g, ' ').trim();
}

/**
 * The same text without accents, so "envio" meets "envío" and "dat hang" meets "đặt hàng". Only marks on Latin and
 * Arabic letters go (accents and harakat are often left out when typing); Thai vowel and tone marks and Japanese
 * voicing marks are letters in all but name ("ส่ง" send vs "สั่ง" order, "か" vs "が") and stay.
 */
export function stripMarks(text: string): string {
  return text.normalize('NFD').replace(MARKS_ON_LATIN_OR_ARABIC, '$1').replace(/đ/g, 'd').normalize('NFC');
}

/** Tokens of a normalised text: letter/number runs (apostrophes kept inside words) and single symbols like `?` or `#`. */
export function tokenize(normalized: string): string[] {
  return normalized.match(TOKEN) ?? [];
}

// Japanese writes content words in kanji or katakana and grammar in hiragana; a change of script is a good guess at a
// word boundary (the idea behind TinySegmenter's character-type features), with no dictionary.
const SCRIPT_RUN = /\p{Script=Han}+|[\p{Script=Katakana}ー]+|\p{Script=Hiragana}+|[^\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}ー]+/gu;
const HAS_KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Splits tokens that mix kanji, katakana and hiragana at script changes, as approximate Japanese words. */
export function splitScriptRuns(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    if (!HAS_KANA.test(token)) out.push(token);
    else out.push(...(token.match(SCRIPT_RUN) ?? [token]));
  }
  return out;
}

/**
 * Receives one feature as a slice: the feature is `prefix + source.slice(start, end)`. Consumers that only need a
 * hash of it (prediction) read the slice without building a string; others (training) build the string.
 */
export type FeatureSink = (prefix: string, source: string, start: number, end: number) => void;

/**
 * Calls `emit` for every feature of the text: `c:` character n-grams of the accent-free tokens, `w:` word n-grams
 * of the accented tokens (and of the accent-free ones when they differ, so texting without accents still matches).
 */
export function forEachFeature(text: string, options: TextFeatureOptions, emit: (feature: string) => void): void {
  forEachFeatureSlice(text, options, (prefix, source, start, end) => emit(prefix + source.slice(start, end)));
}

/** {@link forEachFeature} without building the feature strings (see {@link FeatureSink}). */
export function forEachFeatureSlice(text: string, options: TextFeatureOptions, sink: FeatureSink): void {
  const normalized = normalizeForFeatures(text);
  const plain = stripMarks(normalized);
  const plainTokens = tokenize(plain);
  for (const token of plainTokens) {
    if (SYMBOL_ONLY.test(token)) {
      sink('c:', token, 0, token.length);
      continue;
    }
    const padded = ` ${token} `;
    const length = padded.length;
    for (let n = options.charMin; n <= options.charMax; n++) {
      if (n > length) break;
      for (let start = 0; start + n <= length; start++) sink('c:', padded, start, start + n);
    }
  }
  const crossMax = options.crossMax ?? 0;
  if (crossMax > 0) {
    const joined = ` ${plainTokens.join(' ')} `;
    for (let i = 1; i < joined.length - 1; i++) {
      if (joined[i] !== ' ') continue;
      // n-grams that contain this space with at least one letter on each side
      for (let n = 3; n <= crossMax; n++) {
        for (let start = Math.max(0, i - n + 2); start <= i - 1 && start + n <= joined.length; start++) sink('cx:', joined, start, start + n);
      }
    }
  }
  if (options.wordMax <= 0) return;
  emitWordNgrams(splitScriptRuns(tokenize(normalized)), options.wordMax, 'w:', sink);
  if (plain !== normalized) {
    const words = plainTokens.filter((token) => !SYMBOL_ONLY.test(token));
    for (const word of words) sink('p:', word, 0, word.length);
  }
}

function emitWordNgrams(tokens: string[], maxN: number, prefix: string, sink: FeatureSink): void {
  const words = tokens.filter((token) => !SYMBOL_ONLY.test(token) || token === '?');
  for (let i = 0; i < words.length; i++) {
    sink(prefix, words[i]!, 0, words[i]!.length);
    let gram = words[i]!;
    for (let n = 2; n <= maxN && i + n <= words.length; n++) {
      gram += ` ${words[i + n - 1]!}`;
      sink(prefix, gram, 0, gram.length);
    }
  }
}
