/**
 * Calendar dates, relative ("yesterday", "明天", "in 2 weeks") and absolute ("March 3", "12/03/2025", "3月5日").
 * chrono-node parses in the shopper's language first, then in English; simple patterns cover numeric dates and
 * the everyday relative words of the languages chrono lacks (ko, tr, th, pl) or under-covers (vi, id, ar).
 */
import * as chrono from 'chrono-node';
import type { EntityOf } from './entity';
import { NOW_WORDS, RELATIVE_DAY_WORDS } from './date-words';
import { escapeRegExp } from './text-folding';

/** Options of {@link findDates}. */
export interface DateSearchOptions {
  /** Shopper language (`es`, `en-GB`); picks the chrono parser and the day/month order of `12/03/2025`. */
  language?: string;
  /** Date that "yesterday" is relative to. @defaultValue now */
  referenceDate?: Date;
}

type DateEntity = EntityOf<'date'>;

const CHRONO_PARSERS: Readonly<Record<string, chrono.Chrono>> = {
  en: chrono.en.casual, de: chrono.de.casual, fr: chrono.fr.casual, ja: chrono.ja.casual, pt: chrono.pt.casual,
  nl: chrono.nl.casual, zh: chrono.zh.hans.casual, ru: chrono.ru.casual, es: chrono.es.casual, uk: chrono.uk.casual,
  it: chrono.it.casual, sv: chrono.sv.casual, fi: chrono.fi.casual, vi: chrono.vi.casual, id: chrono.id.casual,
  ar: chrono.ar.casual,
};

// Traditional Chinese has its own parser; the Simplified one (the default for `zh`) is twice as fast as both.
const TRADITIONAL_CHINESE = /^zh[-_](?:hant|tw|hk|mo)\b/i;

// English outside North America writes the day first.
const MONTH_FIRST_REGIONS = new Set(['US', 'CA', 'PH']);

interface LanguageTag {
  base: string | undefined;
  region: string | undefined;
}

function parseTag(language: string | undefined): LanguageTag {
  if (!language) return { base: undefined, region: undefined };
  const [base, ...rest] = language.split(/[-_]/);
  return { base: base?.toLowerCase(), region: rest.find((p) => /^[A-Za-z]{2}$/.test(p))?.toUpperCase() };
}

function monthFirst(tag: LanguageTag): boolean {
  return tag.base === 'en' && (tag.region === undefined || MONTH_FIRST_REGIONS.has(tag.region));
}

// Without a language, the script says which chrono parser to try before English.
function guessParserLanguage(text: string): string | undefined {
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return 'ja';
  if (/\p{Script=Han}/u.test(text)) return 'zh';
  if (/\p{Script=Cyrillic}/u.test(text)) return 'ru';
  if (/\p{Script=Arabic}/u.test(text)) return 'ar';
  return undefined;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): string => `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function shiftDays(reference: Date, days: number): string {
  const shifted = new Date(reference.getFullYear(), reference.getMonth(), reference.getDate() + days);
  return iso(shifted.getFullYear(), shifted.getMonth() + 1, shifted.getDate());
}

const TRIM_START = /^[\s,.;:!?，。、！？]+/u;
const TRIM_END = /[\s,.;:!?，。、！？]+$/u;
const FRACTION_LIKE = /^\d{1,2}[/.-]\d{1,2}$/; // "3/4 sleeve", "size 10/12": no year, not a date
const RELATIVE_TAG = /casualReference|relative|Relative|Ago|Later|Within/;

function fromChrono(parser: chrono.Chrono, text: string, reference: Date): DateEntity[] {
  const found: DateEntity[] = [];
  for (const result of parser.parse(text, reference)) {
    const { start: components } = result;
    if (!components.isCertain('day') && !components.isCertain('weekday')) continue; // "at 5", "in March"
    const leading = TRIM_START.exec(result.text)?.[0].length ?? 0;
    const written = result.text.slice(leading).replace(TRIM_END, '');
    if (!written || NOW_WORDS.has(written.toLowerCase()) || FRACTION_LIKE.test(written)) continue;
    const year = components.get('year');
    const month = components.get('month');
    const day = components.get('day');
    if (year === null || month === null || day === null) continue;
    const tags = [...components.tags(), ...result.tags()].join(' ');
    const relative = RELATIVE_TAG.test(tags) || !/[0-9]/.test(written);
    const start = result.index + leading;
    const value = { date: iso(year, month, day), relative };
    found.push({ type: 'date', text: written, start, end: start + written.length, value });
  }
  return found;
}

const ISO_DATE = /(?<![0-9./-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![0-9]|[./-]\d)/g;
const NUMERIC_DATE = /(?<![0-9./-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![0-9]|[./-]\d)/g;
const KOREAN_DATE = /(?:(\d{4})년\s*)?(\d{1,2})월\s*(\d{1,2})일/g;

// Thai dates often count years in the Buddhist era (2568 = 2025).
const fullYear = (y: number): number => (y < 100 ? 2000 + y : y >= 2400 ? y - 543 : y);

function fromNumericPatterns(text: string, tag: LanguageTag, reference: Date): DateEntity[] {
  const found: DateEntity[] = [];
  const push = (index: number, written: string, y: number, m: number, d: number): void => {
    if (validDay(y, m, d)) {
      const value = { date: iso(y, m, d), relative: false };
      found.push({ type: 'date', text: written, start: index, end: index + written.length, value });
    }
  };
  for (const m of text.matchAll(ISO_DATE)) push(m.index, m[0], Number(m[1]), Number(m[3]), Number(m[4]));
  for (const m of text.matchAll(NUMERIC_DATE)) {
    const [a, b, y] = [Number(m[1]), Number(m[3]), fullYear(Number(m[4]))];
    const dayFirst = a > 12 || (b <= 12 && !monthFirst(tag));
    push(m.index, m[0], y, dayFirst ? b : a, dayFirst ? a : b);
  }
  if (text.includes('월')) {
    for (const m of text.matchAll(KOREAN_DATE)) {
      push(m.index, m[0], m[1] ? Number(m[1]) : reference.getFullYear(), Number(m[2]), Number(m[3]));
    }
  }
  return found;
}

// Per language, one alternation of its relative-day words; Korean and Thai glue particles on, so no end boundary.
const wordPatternCache = new Map<string, RegExp>();
function relativeWordPattern(language: string): RegExp | undefined {
  const words = RELATIVE_DAY_WORDS[language];
  if (!words) return undefined;
  let pattern = wordPatternCache.get(language);
  if (!pattern) {
    const alternation = Object.keys(words)
      .sort((a, b) => b.length - a.length)
      .map((w) => escapeRegExp(w).replace(/ /g, '\\s+'))
      .join('|');
    const glued = language === 'ko' || language === 'th';
    const before = language === 'th' ? '' : '(?<![\\p{L}\\p{N}])';
    const after = glued ? '' : '(?![\\p{L}\\p{N}])';
    pattern = new RegExp(`${before}(?:${alternation})${after}`, 'giu');
    wordPatternCache.set(language, pattern);
  }
  return pattern;
}

function fromRelativeWords(text: string, languages: readonly string[], reference: Date): DateEntity[] {
  const found: DateEntity[] = [];
  for (const language of languages) {
    const pattern = relativeWordPattern(language);
    const words = RELATIVE_DAY_WORDS[language];
    if (!pattern || !words) continue;
    for (const m of text.matchAll(pattern)) {
      const key = m[0].toLowerCase().replace(/\s+/g, ' ');
      const offset = words[key] ?? words[m[0]];
      if (offset === undefined) continue;
      const value = { date: shiftDays(reference, offset), relative: true };
      found.push({ type: 'date', text: m[0], start: m.index, end: m.index + m[0].length, value });
    }
  }
  return found;
}

// The English pass is the main parser for English and unknown Latin-script text; for other languages it only
// catches English words ("tomorrow" in a Spanish message), since the numeric patterns already read "12/03/2025".
// Skipping it when it cannot add anything saves a third of the date time.
const ENGLISH_DATE_WORDS = new RegExp(
  '\\b(?:today|tonight|tomorrow|yesterday|now|noon|midnight|morning|evening|afternoon|night|week|weekend|' +
    'fortnight|month|year|day|ago|next|last|this|mon|tue|wed|thu|fri|sat|sun|' +
    'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)',
  'i',
);

/** Adds `candidates` that overlap nothing already in `kept`; earlier lists therefore win. */
function addNonOverlapping(kept: DateEntity[], candidates: readonly DateEntity[]): void {
  const sorted = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start));
  for (const c of sorted) if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
}

/**
 * Finds dates. Precedence on overlaps: the shopper-language chrono parser, then the numeric and relative-word
 * patterns (so `12/03/2025` is day-first for Polish or Turkish shoppers, month-first only for US English), then
 * English chrono. Month-only or time-only expressions ("in March", "at 5") and "now" are not dates.
 * @example findDates('delivered yesterday', { referenceDate: new Date(2025, 2, 12) })[0].value
 * // { date: '2025-03-11', relative: true }
 */
export function findDates(text: string, options: DateSearchOptions = {}): DateEntity[] {
  const reference = options.referenceDate ?? new Date();
  const tag = parseTag(options.language);
  const parserLanguage = tag.base && CHRONO_PARSERS[tag.base] ? tag.base : guessParserLanguage(text);
  const kept: DateEntity[] = [];
  if (parserLanguage && parserLanguage !== 'en') {
    const traditional = parserLanguage === 'zh' && TRADITIONAL_CHINESE.test(options.language ?? '');
    const parser = traditional ? chrono.zh.hant.casual : CHRONO_PARSERS[parserLanguage];
    if (parser) addNonOverlapping(kept, fromChrono(parser, text, reference));
  }
  const wordLanguages = tag.base ? [tag.base] : Object.keys(RELATIVE_DAY_WORDS);
  addNonOverlapping(kept, [...fromNumericPatterns(text, tag, reference), ...fromRelativeWords(text, wordLanguages, reference)]);
  const englishIsMain = (!tag.base || tag.base === 'en') && (!parserLanguage || parserLanguage === 'en');
  if (ENGLISH_DATE_WORDS.test(text) || (englishIsMain && /[0-9]/.test(text))) {
    const english = tag.base === 'en' && !monthFirst(tag) ? chrono.en.GB : chrono.en.casual;
    addNonOverlapping(kept, fromChrono(english, text, reference));
  }
  return kept.sort((a, b) => a.start - b.start);
}
