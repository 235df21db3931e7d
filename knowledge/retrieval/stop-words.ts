/**
 * Stop words by ISO 639-1 code: a word is a stop word when two independently maintained lists agree on it, the
 * `stopword` package's list and `@orama/stopwords`' (mostly the Snowball lists); when only one of them has the
 * language, that one is used.
 *
 * Why two: every single list tried holds content words that matter to a shop's help centre. `stopwords-iso` English
 * drops "order", "orders", "problem" and "information"; its Spanish and Orama's drop "cuenta" (account), "días"
 * (days) and "tiempo" (time); `stopword`'s German drops "Zeit", "Tage" and "groß". A content word on one list is
 * almost never on the other, while true function words (articles, pronouns, auxiliaries, prepositions) are on both.
 * BM25's inverse document frequency already discounts frequent words, so a missed stop word costs little and a wrongly
 * removed content word costs a lot: the intersection errs on the right side.
 */
import * as stopword from 'stopword';
import { stopwords as arabic } from '@orama/stopwords/arabic';
import { stopwords as bulgarian } from '@orama/stopwords/bulgarian';
import { stopwords as danish } from '@orama/stopwords/danish';
import { stopwords as dutch } from '@orama/stopwords/dutch';
import { stopwords as english } from '@orama/stopwords/english';
import { stopwords as finnish } from '@orama/stopwords/finnish';
import { stopwords as french } from '@orama/stopwords/french';
import { stopwords as german } from '@orama/stopwords/german';
import { stopwords as greek } from '@orama/stopwords/greek';
import { stopwords as hindi } from '@orama/stopwords/indian';
import { stopwords as hungarian } from '@orama/stopwords/hungarian';
import { stopwords as indonesian } from '@orama/stopwords/indonesian';
import { stopwords as irish } from '@orama/stopwords/irish';
import { stopwords as italian } from '@orama/stopwords/italian';
import { stopwords as japanese } from '@orama/stopwords/japanese';
import { stopwords as lithuanian } from '@orama/stopwords/lithuanian';
import { stopwords as mandarin } from '@orama/stopwords/mandarin';
import { stopwords as norwegian } from '@orama/stopwords/norwegian';
import { stopwords as portuguese } from '@orama/stopwords/portuguese';
import { stopwords as romanian } from '@orama/stopwords/romanian';
import { stopwords as russian } from '@orama/stopwords/russian';
import { stopwords as spanish } from '@orama/stopwords/spanish';
import { stopwords as swedish } from '@orama/stopwords/swedish';
import { stopwords as turkish } from '@orama/stopwords/turkish';
import { stopwords as ukrainian } from '@orama/stopwords/ukrainian';

type StopwordLanguage = Exclude<keyof typeof stopword, 'removeStopwords'>;

/** ISO 639-1 -> the `stopword` package's ISO 639-3 key. */
const STOPWORD_KEYS: Readonly<Record<string, StopwordLanguage>> = {
  af: 'afr', ar: 'ara', bg: 'bul', bn: 'ben', ca: 'cat', cs: 'ces', da: 'dan', de: 'deu', el: 'ell', en: 'eng',
  es: 'spa', et: 'est', eu: 'eus', fa: 'fas', fi: 'fin', fr: 'fra', ga: 'gle', gl: 'glg', he: 'heb', hi: 'hin',
  hr: 'hrv', hu: 'hun', hy: 'hye', id: 'ind', it: 'ita', ja: 'jpn', ko: 'kor', lt: 'lit', lv: 'lav', ms: 'msa',
  nb: 'nob', nl: 'nld', no: 'nob', pl: 'pol', pt: 'por', ro: 'ron', ru: 'rus', sk: 'slk', sl: 'slv', sv: 'swe',
  sw: 'swa', th: 'tha', tl: 'tgl', tr: 'tur', uk: 'ukr', ur: 'urd', vi: 'vie', zh: 'zho',
};

/** ISO 639-1 -> Orama's list. (Orama's "slovenian" list is Russian words, so Slovenian is left out.) */
const ORAMA_LISTS: Readonly<Record<string, readonly string[]>> = {
  ar: arabic, bg: bulgarian, da: danish, nl: dutch, en: english, fi: finnish, fr: french, de: german, el: greek,
  hi: hindi, hu: hungarian, id: indonesian, ga: irish, it: italian, ja: japanese, lt: lithuanian, zh: mandarin,
  no: norwegian, nb: norwegian, pt: portuguese, ro: romanian, ru: russian, es: spanish, sv: swedish, tr: turkish,
  uk: ukrainian,
};

/**
 * The stop words of an ISO 639-1 language, passed through `normalize` (the analyzer's own normalisation, so that
 * they compare equal to its tokens). Empty for a language neither list knows.
 */
export function stopWordsFor(language: string, normalize: (word: string) => string = (word) => word): Set<string> {
  const key = Object.hasOwn(STOPWORD_KEYS, language) ? STOPWORD_KEYS[language] : undefined;
  const first = key ? stopword[key] : undefined;
  const second = Object.hasOwn(ORAMA_LISTS, language) ? ORAMA_LISTS[language] : undefined;
  let words: readonly string[];
  if (first && second) {
    const other = new Set(second.map(normalize));
    words = first.filter((word) => other.has(normalize(word)));
  } else {
    words = first ?? second ?? [];
  }
  return new Set(words.map(normalize).filter((word) => word.length > 0));
}
