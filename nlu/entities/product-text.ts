/**
 * Tokens for fuzzy product matching: folded words for spaced scripts ("Écouteurs" -> `ecouteur`), character
 * bigrams for Han, kana, Hangul and Thai runs ("蓝牙耳机" -> 蓝牙 牙耳 耳机), each with its span in the text.
 */
import { foldForLookup, SPACED_LETTER } from './text-folding';

/** A token and where it was written. */
export interface ProductToken {
  token: string;
  start: number;
  end: number;
}

const DENSE = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー\p{Script=Hangul}\p{Script=Thai}]`;
const PIECES = new RegExp(String.raw`(?<dense>${DENSE}+)|(?<word>${SPACED_LETTER}(?:${SPACED_LETTER}|\p{M})*)`, 'gu');

// Plural and gender endings that would otherwise split "shirt"/"shirts", "camiseta"/"camisetas".
function stem(word: string): string {
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * Splits text into matching tokens. One-letter Latin words are dropped ("t" of "T-shirt"); digits are kept
 * ("15" of "iPhone 15" matters).
 */
export function productTokens(text: string): ProductToken[] {
  const tokens: ProductToken[] = [];
  for (const m of text.matchAll(PIECES)) {
    const start = m.index;
    const dense = m.groups?.dense;
    if (dense) {
      const chars = [...dense];
      if (chars.length === 1) tokens.push({ token: dense, start, end: start + dense.length });
      let offset = start;
      for (let i = 0; i + 1 < chars.length; i += 1) {
        const first = chars[i] as string;
        const pair = first + (chars[i + 1] as string);
        tokens.push({ token: pair, start: offset, end: offset + pair.length });
        offset += first.length;
      }
      continue;
    }
    const folded = foldForLookup(m[0]);
    if (folded.length < 2 && !/\d/.test(folded)) continue;
    tokens.push({ token: stem(folded), start, end: start + m[0].length });
  }
  return tokens;
}
