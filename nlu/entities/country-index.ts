/**
 * The country-name index behind `findCountries`, built once on first use from i18n-iso-countries (16 locales)
 * plus {@link COUNTRY_ALIASES}. Spaced-script names are keyed by their first folded word; Han/kana/Hangul/Thai
 * names by their first character, to be found as substrings.
 */
import * as countries from 'i18n-iso-countries';
import ar from 'i18n-iso-countries/langs/ar.json';
import de from 'i18n-iso-countries/langs/de.json';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import id from 'i18n-iso-countries/langs/id.json';
import it from 'i18n-iso-countries/langs/it.json';
import ja from 'i18n-iso-countries/langs/ja.json';
import ko from 'i18n-iso-countries/langs/ko.json';
import pl from 'i18n-iso-countries/langs/pl.json';
import pt from 'i18n-iso-countries/langs/pt.json';
import ru from 'i18n-iso-countries/langs/ru.json';
import th from 'i18n-iso-countries/langs/th.json';
import tr from 'i18n-iso-countries/langs/tr.json';
import vi from 'i18n-iso-countries/langs/vi.json';
import zh from 'i18n-iso-countries/langs/zh.json';
import { CAPITALIZED_ONLY, COUNTRY_ALIASES, NEVER_BY_NAME, TWO_LETTER_FORMS } from './country-aliases';
import { escapeRegExp, foldForLookup, SPACED_LETTER } from './text-folding';

const LOCALES = [en, zh, es, fr, de, pt, ru, ar, ja, ko, it, tr, vi, id, th, pl];

/** The 16 shopper languages, in bit order of {@link CountryName.languages}. */
export const COUNTRY_LANGUAGES: readonly string[] = LOCALES.map((l) => l.locale);
/** Bit of the hand-written aliases, active whatever the language. */
export const ALIAS_BIT = 1 << COUNTRY_LANGUAGES.length;

/** One indexed name. */
export interface CountryName {
  code: string;
  /** Folded words (spaced scripts) or the literal name (unspaced scripts). */
  words: readonly string[];
  /** Lower-case, unfolded form, to tell an exact match from an accent-insensitive one. */
  lower: string;
  /** Bit set of the languages the name comes from ({@link ALIAS_BIT} for aliases). */
  languages: number;
  /** Upper-case short forms (`USA`, `ОАЭ`) match only as written. */
  caseSensitive: boolean;
  capitalizedOnly: boolean;
  /** `katakana`: needs non-katakana on both sides ("タイ" but not "ネクタイ"); `hangul`: must start a word. */
  boundary: 'none' | 'katakana' | 'hangul';
  literal: string;
}

/** The built index. */
export interface CountryIndex {
  byFirstWord: Map<string, CountryName[]>;
  /** Single-word Cyrillic names by stem, so "России", "из Китая" find Россия, Китай. */
  byStem: Map<string, CountryName[]>;
  byFirstChar: Map<string, CountryName[]>;
  /** Dotted abbreviations (`U.S.A.`, `EE.UU.`), case-sensitive. */
  dotted: RegExp | undefined;
  dottedCodes: Map<string, CountryName>;
}

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
/** Word pieces of spaced scripts (not Han/kana/Hangul/Thai, which have their own path). */
export const SPACED_WORD = new RegExp(`${SPACED_LETTER}(?:${SPACED_LETTER}|\\p{M})*`, 'gu');
const CYRILLIC_STEM = /^(\p{Script=Cyrillic}{4,}?)[аеиоуыэюяйь]?$/u;

function boundaryOf(name: string): CountryName['boundary'] {
  if (/^[\p{Script=Katakana}ー・]+$/u.test(name)) return 'katakana';
  if (/^\p{Script=Hangul}/u.test(name)) return 'hangul';
  return 'none';
}

function push<K>(map: Map<K, CountryName[]>, key: K, entry: CountryName): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

// "Korea, Republic of" is an index entry, not how people write; "КНР (Китайская…)" is written as "КНР".
function usableForms(name: string): string[] {
  if (name.includes(',')) return [];
  const outside = name.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  return outside ? [outside] : [];
}

function addName(index: CountryIndex, dotted: string[], code: string, name: string, languages: number): void {
  const folded = foldForLookup(name);
  if (NEVER_BY_NAME.has(folded)) return;
  const upperShort = name.length <= 4 && name === name.toUpperCase() && /^\p{Lu}+$/u.test(name);
  if (upperShort && name.length === 2 && !TWO_LETTER_FORMS.has(name)) return;
  const base = {
    code, lower: name.toLowerCase(), languages, caseSensitive: upperShort, literal: name,
    capitalizedOnly: CAPITALIZED_ONLY.has(folded),
  };
  if (name.includes('.')) {
    dotted.push(name);
    index.dottedCodes.set(name.replace(/\s/g, ''), { ...base, words: [name], boundary: 'none' });
    return;
  }
  if (UNSPACED.test(name)) {
    const entry: CountryName = { ...base, words: [name], boundary: boundaryOf(name) };
    push(index.byFirstChar, name[0] ?? '', entry);
    return;
  }
  const words = folded.match(SPACED_WORD) ?? [];
  if (!words.length || !words[0]) return;
  // Vietnamese one-syllable names are everyday words (Anh = you, Mỹ in mỹ phẩm): only "nước Mỹ" (alias) counts.
  if (languages === 1 << COUNTRY_LANGUAGES.indexOf('vi') && words.length === 1 && name.length <= 4) return;
  const entry: CountryName = { ...base, words, boundary: 'none' };
  push(index.byFirstWord, words[0], entry);
  const stem = words.length === 1 ? CYRILLIC_STEM.exec(words[0]) : null;
  if (stem?.[1] && !upperShort && words[0].length >= 5) push(index.byStem, stem[1], entry);
}

/** Builds the index (about 10 ms); call through a lazy holder, not per message. */
export function buildCountryIndex(): CountryIndex {
  const index: CountryIndex = {
    byFirstWord: new Map(),
    byStem: new Map(),
    byFirstChar: new Map(),
    dotted: undefined,
    dottedCodes: new Map(),
  };
  const dotted: string[] = [];
  LOCALES.forEach((locale, bit) => {
    countries.registerLocale(locale);
    for (const [code, names] of Object.entries(countries.getNames(locale.locale, { select: 'all' }))) {
      for (const name of names.flatMap(usableForms)) addName(index, dotted, code, name, 1 << bit);
    }
  });
  for (const [code, names] of Object.entries(COUNTRY_ALIASES)) {
    for (const name of names) addName(index, dotted, code, name, ALIAS_BIT);
  }
  const longestFirst = (a: CountryName, b: CountryName): number =>
    b.words.length - a.words.length || b.literal.length - a.literal.length;
  for (const map of [index.byFirstWord, index.byStem, index.byFirstChar]) for (const list of map.values()) list.sort(longestFirst);
  if (dotted.length) {
    const alternation = [...new Set(dotted)].sort((a, b) => b.length - a.length).map((d) => escapeRegExp(d).replace(/ /g, '\\s?'));
    index.dotted = new RegExp(`(?<![\\p{L}\\p{N}.])(?:${alternation.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  }
  return index;
}
