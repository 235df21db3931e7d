/**
 * Writing-system facts used to judge whether a short message can say anything about its language: two Latin
 * letters ("ok") say nothing, two Han characters ("你好") say a lot.
 */

/** Scripts the platform distinguishes. */
export type Script = 'latin' | 'han' | 'kana' | 'hangul' | 'thai' | 'arabic' | 'cyrillic' | 'other';

const SCRIPT_TESTS: Array<[Script, RegExp]> = [
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['han', /\p{Script=Han}/u],
  ['thai', /\p{Script=Thai}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['latin', /\p{Script=Latin}/u],
];

/** The script most of the text's letters are written in (`other` when it has no letters). Kana wins over Han. */
export function dominantScript(text: string): Script {
  const counts = new Map<Script, number>();
  for (const char of text) {
    for (const [script, test] of SCRIPT_TESTS) {
      if (test.test(char)) {
        counts.set(script, (counts.get(script) ?? 0) + 1);
        break;
      }
    }
  }
  if ((counts.get('kana') ?? 0) > 0) return 'kana';
  let best: Script = 'other';
  let bestCount = 0;
  for (const [script, count] of counts) {
    if (count > bestCount) {
      best = script;
      bestCount = count;
    }
  }
  return best;
}

/** Number of letters (any script) in the text. */
export function letterCount(text: string): number {
  return (text.match(/\p{L}/gu) ?? []).length;
}

const LANGUAGE_SCRIPTS: Record<string, Script> = {
  zh: 'han', ja: 'kana', ko: 'hangul', th: 'thai', ar: 'arabic', fa: 'arabic', ur: 'arabic',
  ru: 'cyrillic', uk: 'cyrillic', bg: 'cyrillic', sr: 'cyrillic', kk: 'cyrillic',
};

/** The script a language is normally written in (Latin for those not listed). */
export function scriptOfLanguage(language: string): Script {
  return LANGUAGE_SCRIPTS[language] ?? 'latin';
}

/** Scripts in which a few characters already identify the language well. */
export function isDenseScript(script: Script): boolean {
  return script === 'han' || script === 'kana' || script === 'hangul' || script === 'thai' || script === 'arabic';
}
