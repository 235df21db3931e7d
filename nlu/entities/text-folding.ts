/**
 * Text normalisation shared by the extractors. {@link foldWidthAndDigits} keeps every offset where it was, so
 * patterns written for ASCII can run on `１２３４` or `٤٤٧١` and still report spans of the original message;
 * {@link foldForLookup} is for dictionary look-ups, where offsets do not matter.
 */

// Every replacement below is one UTF-16 code unit for one code unit: offsets survive the fold.
const WIDE_OR_FOREIGN = /[\uff01-\uff5e\u3000\u00a0\u2007\u2009\u202f\u0660-\u066c\u06f0-\u06f9]/g;

function foldChar(char: string): string {
  const code = char.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code >= 0x0660 && code <= 0x0669) return String.fromCharCode(code - 0x0660 + 48);
  if (code >= 0x06f0 && code <= 0x06f9) return String.fromCharCode(code - 0x06f0 + 48);
  if (code === 0x066b) return '.'; // Arabic decimal separator
  if (code === 0x066c) return ','; // Arabic thousands separator
  if (code === 0x066a) return '%';
  return ' '; // ideographic, no-break, figure, thin and narrow no-break spaces
}

/**
 * Maps full-width ASCII (`ＡＢ１２`), Arabic-Indic digits and the odd spaces (ideographic, no-break, thin) to
 * plain ASCII, one code unit for one, so `result.length === text.length` and offsets stay valid.
 * @example foldWidthAndDigits('订单１２３４') // '订单1234'
 */
export function foldWidthAndDigits(text: string): string {
  return text.replace(WIDE_OR_FOREIGN, foldChar);
}

const LATIN_CYRILLIC_MARKS = /[\u0300-\u036f]/g;
const ARABIC_MARKS = /[\u064b-\u065f\u0670\u0640]/g;

const ARABIC_ALEFS = /[أإآ]/g;
const ASCII_ONLY = /^[\t\n\r\x20-\x7e]*$/;
// Letters NFD does not decompose but people often type without the mark: Turkish ı, Polish ł, Vietnamese đ.
const UNDECOMPOSED: Readonly<Record<string, string>> = { ı: 'i', ł: 'l', đ: 'd', ø: 'o' };
const UNDECOMPOSED_LETTERS = /[ıłđø]/g;

/**
 * Lower case without Latin/Cyrillic diacritics (also ı ł đ ø), Arabic vowel marks or hamza-on-alef variants, for
 * accent-insensitive look-ups ("México" and "mexico" meet; "أسوأ" and "اسوا" too). Hangul, kana and Thai are
 * left composed. Offsets are not preserved.
 */
export function foldForLookup(text: string): string {
  if (ASCII_ONLY.test(text)) return text.toLowerCase();
  // Lower case first: Turkish "İ" lower-cases to "i" + a combining dot, which the next step removes.
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(LATIN_CYRILLIC_MARKS, '')
    .normalize('NFC')
    .replace(ARABIC_MARKS, '')
    .replace(ARABIC_ALEFS, 'ا')
    .replace(UNDECOMPOSED_LETTERS, (c) => UNDECOMPOSED[c] ?? c);
}

/** Escapes a literal for use inside a regular expression. */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Scripts written without spaces between words (Han, kana, Thai): words there are found by substring, not by
 * word boundary. Hangul is spaced but glues particles to words, so callers treat it separately.
 */
export const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

const SPACED_SCRIPTS = ['Latin', 'Cyrillic', 'Greek', 'Arabic', 'Hebrew', 'Armenian', 'Georgian', 'Devanagari'];

/**
 * A letter or digit of the scripts that separate words with spaces (Latin, Cyrillic, Greek, Arabic, Hebrew...),
 * as a regular-expression class (needs the `u` flag). Listing scripts is several times faster in V8 than
 * "any letter not Han/kana/Hangul/Thai" with a look-ahead per character.
 */
export const SPACED_LETTER = `[${SPACED_SCRIPTS.map((script) => `\\p{Script=${script}}`).join('')}\\p{Nd}]`;
