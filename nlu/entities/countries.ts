/**
 * Country mentions in the 16 languages: official and short names from i18n-iso-countries plus common forms
 * ("USA", "EE.UU.", "UAE", "アメリカ"), longest match first. Choices that keep false positives down:
 * - two-letter forms only for US, UK, РФ, only in upper case, and not in all-caps (shouted) messages;
 * - names that are also common words need a capital, not at the start of a sentence ("Shipping to Turkey",
 *   "Mali" but not "Mali durumum…"), or are skipped (see `country-aliases.ts`);
 * - accent-insensitive matches only for names of 5+ letters ("Mexico" finds México; "my" never finds Mỹ);
 * - with a known language, only that language's names, English names and the aliases are used;
 * - Han and Thai names match as substrings, katakana names need non-katakana around them ("ネクタイ" is a tie),
 *   Hangul names must start a word, Russian names may be inflected ("в России").
 */
import type { EntityOf } from './entity';
import {
  ALIAS_BIT,
  buildCountryIndex,
  COUNTRY_LANGUAGES,
  SPACED_WORD,
  type CountryIndex,
  type CountryName,
} from './country-index';
import { foldForLookup } from './text-folding';

/** Options of {@link findCountries}. */
export interface CountrySearchOptions {
  /** Shopper language; restricts names to it, English and the aliases. All 16 when unknown. */
  language?: string;
}

type CountryEntity = EntityOf<'country'>;

// Built on first use, then shared: it never changes after that.
let sharedIndex: CountryIndex | undefined;
function countryIndex(): CountryIndex {
  sharedIndex ??= buildCountryIndex();
  return sharedIndex;
}

const ALL_LANGUAGES = (ALIAS_BIT << 1) - 1;
function languageMask(language: string | undefined): number {
  const base = language?.toLowerCase().split(/[-_]/)[0];
  const bit = base ? COUNTRY_LANGUAGES.indexOf(base) : -1;
  return bit < 0 ? ALL_LANGUAGES : (1 << bit) | 1 | ALIAS_BIT;
}

interface Word {
  start: number;
  end: number;
  raw: string;
  folded: string;
}

interface Hit {
  entry: CountryName;
  count: number;
  start: number;
}

const GAP = /^[\s'’-]+$/u;
const KATAKANA = /[\p{Script=Katakana}ー]/u;
const HANGUL = /\p{Script=Hangul}/u;
const UNSPACED_START = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
const ARABIC_PROCLITIC = /^[وبلف](?=\p{Script=Arabic}{3})/u;

// A capital proves nothing at the start of a sentence ("Того же цвета?", Turkish "Mali durumum...").
const SENTENCE_END_BEFORE = /[.!?¿¡。！？\n][\s"'«“(]*$/u;

function capitalizedMidSentence(text: string, start: number, written: string): boolean {
  if (!/^\p{Lu}/u.test(written)) return false;
  const before = text.slice(0, start);
  return before.trim() !== '' && !SENTENCE_END_BEFORE.test(before.slice(-8));
}

function accepts(entry: CountryName, mask: number, text: string, start: number, written: string, shouting: boolean): boolean {
  if ((entry.languages & mask) === 0) return false;
  if (entry.caseSensitive) return written === entry.literal && !(shouting && entry.literal.length === 2);
  if (entry.capitalizedOnly && !capitalizedMidSentence(text, start, written)) return false;
  // Accent-insensitive only for longer names: "my" must not find Vietnamese "Mỹ".
  return written.toLowerCase() === entry.lower || entry.literal.length >= 5;
}

/** How many words from `i` on spell `entry` (0 if they do not); words must be separated by spaces or dashes only. */
function matchWords(words: readonly Word[], i: number, entry: CountryName, text: string): number {
  if (i + entry.words.length > words.length) return 0;
  for (let k = 1; k < entry.words.length; k += 1) {
    const word = words[i + k];
    const previous = words[i + k - 1];
    if (!word || !previous || word.folded !== entry.words[k] || !GAP.test(text.slice(previous.end, word.start))) return 0;
  }
  return entry.words.length;
}

function spacedMatches(text: string, index: CountryIndex, mask: number, shouting: boolean): CountryEntity[] {
  const words: Word[] = [];
  for (const m of text.matchAll(SPACED_WORD)) {
    words.push({ start: m.index, end: m.index + m[0].length, raw: m[0], folded: foldForLookup(m[0]) });
  }
  const found: CountryEntity[] = [];
  for (let i = 0; i < words.length; ) {
    const word = words[i] as Word;
    let hit: Hit | undefined;
    for (const entry of index.byFirstWord.get(word.folded) ?? []) {
      const count = matchWords(words, i, entry, text);
      const last = words[i + count - 1];
      if (count && last && accepts(entry, mask, text, word.start, text.slice(word.start, last.end), shouting)) {
        hit = { entry, count, start: word.start };
        break;
      }
    }
    hit ??= inflectedMatch(text, word, index, mask);
    if (hit) {
      const last = words[i + hit.count - 1] as Word;
      const { start } = hit;
      found.push({ type: 'country', text: text.slice(start, last.end), start, end: last.end, value: { code: hit.entry.code } });
      i += hit.count;
    } else i += 1;
  }
  return found;
}

// "России" (Россия), "Китая" (Китай); "بالسعودية" (ب + السعودية).
function inflectedMatch(text: string, word: Word, index: CountryIndex, mask: number): Hit | undefined {
  if (/^\p{Script=Cyrillic}+$/u.test(word.folded)) {
    for (let cut = 0; cut <= 3 && word.folded.length - cut >= 4; cut += 1) {
      for (const entry of index.byStem.get(word.folded.slice(0, word.folded.length - cut)) ?? []) {
        if ((entry.languages & mask) !== 0 && (!entry.capitalizedOnly || capitalizedMidSentence(text, word.start, word.raw))) {
          return { entry, count: 1, start: word.start };
        }
      }
    }
  }
  const proclitic = ARABIC_PROCLITIC.exec(word.folded);
  if (proclitic) {
    const rest = word.folded.slice(1);
    const entry = (index.byFirstWord.get(rest) ?? []).find((e) => e.words.length === 1 && (e.languages & mask) !== 0);
    if (entry) return { entry, count: 1, start: word.start + 1 };
  }
  return undefined;
}

function unspacedMatches(text: string, index: CountryIndex, mask: number): CountryEntity[] {
  const found: CountryEntity[] = [];
  if (!UNSPACED_START.test(text)) return found;
  for (let i = 0; i < text.length; ) {
    const char = text[i] as string;
    const candidates = UNSPACED_START.test(char) ? index.byFirstChar.get(char) : undefined;
    const entry = candidates?.find((e) => {
      if ((e.languages & mask) === 0 || !text.startsWith(e.literal, i)) return false;
      const before = text[i - 1] ?? '';
      const after = text[i + e.literal.length] ?? '';
      if (e.boundary === 'katakana') return !KATAKANA.test(before) && !KATAKANA.test(after);
      if (e.boundary === 'hangul') return !HANGUL.test(before);
      return true;
    });
    if (entry) {
      const end = i + entry.literal.length;
      found.push({ type: 'country', text: entry.literal, start: i, end, value: { code: entry.code } });
      i = end;
    } else i += 1;
  }
  return found;
}

function dottedMatches(text: string, index: CountryIndex, mask: number): CountryEntity[] {
  if (!index.dotted || !text.includes('.')) return [];
  const found: CountryEntity[] = [];
  for (const m of text.matchAll(index.dotted)) {
    const entry = index.dottedCodes.get(m[0].replace(/\s/g, ''));
    if (entry && (entry.languages & mask) !== 0) {
      found.push({ type: 'country', text: m[0], start: m.index, end: m.index + m[0].length, value: { code: entry.code } });
    }
  }
  return found;
}

function isShouting(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const upper = text.match(/\p{Lu}/gu)?.length ?? 0;
  return letters >= 8 && upper / letters > 0.7;
}

/**
 * Finds country mentions; the value is the ISO 3166-1 alpha-2 code.
 * @example findCountries('ship it to Deutschland or the USA') // codes DE, US
 */
export function findCountries(text: string, options: CountrySearchOptions = {}): CountryEntity[] {
  const index = countryIndex();
  const mask = languageMask(options.language);
  const dotted = dottedMatches(text, index, mask);
  const rest = [...spacedMatches(text, index, mask, isShouting(text)), ...unspacedMatches(text, index, mask)];
  const kept = [...dotted];
  for (const c of rest) if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}
