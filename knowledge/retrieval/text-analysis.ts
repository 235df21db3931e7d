/**
 * Text -> index terms, the same way for articles and for shoppers' questions, so that they meet:
 *
 * 1. Unicode NFKC (full-width letters and digits, ligatures) and lower case.
 * 2. Tokens by script. Han, kana and Hangul runs are cut into words by `Intl.Segmenter` (ICU's dictionary) and also
 *    into overlapping character bigrams, as Lucene's CJK analyzer does: the segmenter finds the words of a clean
 *    sentence, the bigrams still match a compound it cut differently in the question ("退货运费" against "退货的运费").
 *    Thai runs are cut into words by the segmenter. Other letters and digits form words; hyphenated words give their
 *    parts and the joined form ("e-mail" -> e, mail, email); decimal numbers and times stay whole (5.90, 14:00).
 * 3. French and Italian elided articles go ("l'adresse" -> adresse), apostrophes go ("order's" -> orders).
 * 4. Stop words of the language go (see stop-words.ts), compared without accents.
 * 5. Snowball stemming where the language has an algorithm (see stemmers.ts), and accents removed from the stem.
 *    Snowball's Spanish, Portuguese and French rules need the accents ("devolución" and "devoluciones" both give
 *    "devolu" only because the rule for "-ución" sees the accent), but shoppers often type without them. So a word
 *    written with accents gives two terms when they differ: the accent-free stem of the accented word, and the stem
 *    of the accent-free word ("devolución" -> devolu, devolucion). An unaccented question ("devolucion") then meets
 *    the second, an accented one meets both, and words that never had accents are unaffected.
 *
 * Latin-script words inside text of a language that is not written in Latin script (brand, carrier and technical
 * words in Chinese or Russian: "DHL Express", "PayPal", "VAT") are analysed as English, the language they are almost
 * always borrowed from. A language with no resources (or none given) gets steps 1-3 only, which still matches equal
 * words.
 */
import { stemmerFor, type Stemmer } from './stemmers';
import { stopWordsFor } from './stop-words';

const SPACED_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc\uff70\p{Script=Hangul}\p{Script=Thai}]+/gu;
const WORD = /[\p{L}\p{M}\p{N}]+(?:(?:['-]|(?<=\p{N})[.,:/](?=\p{N}))[\p{L}\p{M}\p{N}]+)*/gu;
const CJK_START = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc\uff70\p{Script=Hangul}]/u;
const THAI_START = /^\p{Script=Thai}/u;
const LATIN_START = /^\p{Script=Latin}/u;
const MARKS_ON_LATIN_OR_ARABIC = /([\p{Script=Latin}\p{Script=Arabic}])\p{M}+/gu;
const APOSTROPHES = /[\u2018\u2019\u02bc\uff07`´]/g;
/** Latin letters that Unicode does not decompose into a base letter and a mark. */
const LETTER_FOLDS: Readonly<Record<string, string>> = { 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ł': 'l', 'ı': 'i' };
const LETTERS_TO_FOLD = /[ßæœøđðþłı]/g;

/** Elided articles and prepositions, from Lucene's French and Italian analyzers (ElisionFilter article sets). */
const ELISIONS: Readonly<Record<string, ReadonlySet<string>>> = {
  fr: new Set(['l', 'm', 't', 'qu', 'n', 's', 'j', 'd', 'c', 'jusqu', 'quoiqu', 'lorsqu', 'puisqu']),
  it: new Set(['c', 'l', 'all', 'dall', 'dell', 'nell', 'sull', 'coll', 'pell', 'gl', 'agl', 'dagl', 'degl', 'negl', 'sugl', 'un', 'm', 't', 's', 'v', 'd']),
  ca: new Set(['d', 'l', 'm', 'n', 's', 't']),
};

/** Languages written in a script other than Latin, whose Latin-script words are treated as English. */
const NON_LATIN_LANGUAGES = new Set([
  'zh', 'ja', 'ko', 'th', 'ru', 'uk', 'bg', 'sr', 'mk', 'be', 'kk', 'el', 'ar', 'fa', 'ur', 'he', 'hi', 'mr', 'ne',
  'bn', 'ta', 'te', 'kn', 'ml', 'gu', 'pa', 'si', 'km', 'lo', 'my', 'ka', 'hy', 'am',
]);

/** Per-language resources: stop words, stemmer and a memo of stems. */
interface LanguageResources {
  stopWords: ReadonlySet<string>;
  stemmer?: Stemmer;
  elisions?: ReadonlySet<string>;
  stems: Map<string, string>;
}

/** Options of {@link TextAnalyzer}. */
export interface TextAnalyzerOptions {
  /**
   * Stems remembered per language; the memo is emptied when it reaches this size, so a long-running process that
   * sees endless new words keeps bounded memory.
   * @defaultValue 50000
   */
  stemCacheSize?: number;
}

/**
 * Lower-cases, NFKC-normalises and removes accents from Latin (and Arabic) letters. Exported for tests and for
 * callers that compare words the way the index does.
 */
export function foldText(text: string): string {
  return foldAccents(lowerText(text));
}

/** NFKC, lower case, ASCII apostrophes. */
function lowerText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(APOSTROPHES, "'");
}

/** Accents off Latin and Arabic letters of a lower-cased text. */
function foldAccents(lower: string): string {
  if (!/[\u0080-\uffff]/.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(MARKS_ON_LATIN_OR_ARABIC, '$1')
    .normalize('NFC')
    .replace(LETTERS_TO_FOLD, (letter) => LETTER_FOLDS[letter] ?? letter)
    .replace(/ё/g, 'е');
}

/**
 * Language-aware analysis into index terms (see the file comment). Holds caches (segmenters, stop-word sets, stems),
 * so create one per index and reuse it; it is not shared module state.
 *
 * @example
 * const analyzer = new TextAnalyzer();
 * analyzer.analyze('Where is my order?', 'en'); // ['order']
 * analyzer.analyze('¿Dónde está mi envío?', 'es'); // ['esta', 'envi']
 */
export class TextAnalyzer {
  private readonly resources = new Map<string, LanguageResources>();
  private readonly segmenters = new Map<string, Intl.Segmenter>();
  private readonly stemCacheSize: number;

  constructor(options: TextAnalyzerOptions = {}) {
    this.stemCacheSize = options.stemCacheSize ?? 50_000;
  }

  /**
   * The index terms of `text` in reading order, repeated as often as they occur.
   *
   * @param language ISO 639-1 code of the text; absent or unknown: no stop words and no stemming.
   */
  analyze(text: string, language?: string): string[] {
    const terms: string[] = [];
    const base = language ? language.toLowerCase() : '';
    const spaced = lowerText(text).replace(SPACED_RUN, ' $& ');
    for (const match of spaced.matchAll(WORD)) {
      const token = match[0];
      if (CJK_START.test(token)) this.addCjk(token, base, terms);
      else if (THAI_START.test(token)) this.addSegmented(token, 'th', this.languageResources(base), terms);
      else {
        const wordLanguage = NON_LATIN_LANGUAGES.has(base) && LATIN_START.test(token) ? 'en' : base;
        this.addWord(token, this.languageResources(wordLanguage), terms);
      }
    }
    return terms;
  }

  /** Whether `language` has a stemmer (else words are matched whole). */
  stems(language: string): boolean {
    return stemmerFor(language.toLowerCase()) !== undefined;
  }

  private addWord(token: string, resources: LanguageResources, terms: string[]): void {
    let word = token;
    if (word.includes("'")) {
      const cut = word.indexOf("'");
      if (resources.elisions?.has(foldAccents(word.slice(0, cut)))) word = word.slice(cut + 1);
      word = word.replace(/'/g, '');
    }
    if (!word.includes('-')) {
      this.addTerm(word, resources, terms);
      return;
    }
    const parts = word.split('-').filter((part) => part.length > 0);
    for (const part of parts) this.addTerm(part, resources, terms);
    // "e-mail" also as "email"; "3-6" is a range, not a word.
    if (parts.length > 1 && /\p{L}/u.test(word)) this.addTerm(parts.join(''), resources, terms);
  }

  /** One lower-cased word -> its term(s): see step 5 of the file comment. */
  private addTerm(word: string, resources: LanguageResources, terms: string[]): void {
    const plain = foldAccents(word);
    if (!plain || resources.stopWords.has(plain)) return;
    if (!resources.stemmer || /^\p{N}/u.test(plain)) {
      terms.push(plain);
      return;
    }
    const stem = this.stem(plain, resources);
    terms.push(stem);
    if (plain !== word) {
      const accentedStem = foldAccents(this.stem(word, resources));
      if (accentedStem !== stem) terms.push(accentedStem);
    }
  }

  private stem(word: string, resources: LanguageResources): string {
    let stem = resources.stems.get(word);
    if (stem === undefined) {
      stem = resources.stemmer!(word) || word;
      if (resources.stems.size >= this.stemCacheSize) resources.stems.clear();
      resources.stems.set(word, stem);
    }
    return stem;
  }

  /** A Han/kana/Hangul run: its dictionary words (minus stop words), then its character bigrams. */
  private addCjk(run: string, language: string, terms: string[]): void {
    const locale = language === 'ja' || language === 'ko' ? language : 'zh';
    this.addSegmented(run, locale, this.languageResources(language), terms);
    const characters = Array.from(run);
    for (let i = 0; i + 1 < characters.length; i++) terms.push(characters[i]! + characters[i + 1]!);
  }

  private addSegmented(run: string, locale: string, resources: LanguageResources, terms: string[]): void {
    for (const segment of this.segmenter(locale).segment(run)) {
      if (segment.isWordLike && !resources.stopWords.has(segment.segment)) terms.push(segment.segment);
    }
  }

  private segmenter(locale: string): Intl.Segmenter {
    let segmenter = this.segmenters.get(locale);
    if (!segmenter) {
      segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
      this.segmenters.set(locale, segmenter);
    }
    return segmenter;
  }

  private languageResources(language: string): LanguageResources {
    let resources = this.resources.get(language);
    if (!resources) {
      const stemmer = language ? stemmerFor(language) : undefined;
      const elisions = Object.hasOwn(ELISIONS, language) ? ELISIONS[language] : undefined;
      resources = {
        stopWords: language ? stopWordsFor(language, (word) => foldText(word).replace(/'/g, '')) : new Set(),
        ...(stemmer ? { stemmer } : {}),
        ...(elisions ? { elisions } : {}),
        stems: new Map(),
      };
      this.resources.set(language, resources);
    }
    return resources;
  }
}
