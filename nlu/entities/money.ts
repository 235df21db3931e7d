/**
 * Amounts of money with a currency symbol, ISO code or local word before or after them, in the 16 languages:
 * `$25`, `25 €`, `1.299,00 EUR`, `3000円`, `3万원`, `R$ 49,90`, `Rp 150.000`, `500 บาท`, `100 ريال`.
 */
import type { EntityOf } from './entity';
import {
  CURRENCY_CODES,
  CURRENCY_SYMBOLS,
  CURRENCY_WORDS,
  LOWER_CASE_CODES,
  MULTIPLIERS,
  PREFIX_WORDS,
  THREE_DECIMAL_CURRENCIES,
  YEN_SIGN,
} from './currency-words';
import { escapeRegExp, UNSPACED_SCRIPT } from './text-folding';

/** Options of {@link findMoney}. */
export interface MoneySearchOptions {
  /** Shopper language: `¥` is JPY for `ja`, CNY otherwise; `fr`, `ru`, `pl`... also group thousands with spaces. */
  language?: string;
}

// Languages whose shoppers write "1 299,00" (a plain space between thousands).
const SPACE_GROUPING = new Set(['fr', 'ru', 'pl', 'uk', 'cs', 'sk', 'sv', 'no', 'nb', 'fi', 'et', 'lv', 'lt', 'bg']);

function caseless(literal: string): string {
  let source = '';
  for (const char of literal) {
    const upper = char.toUpperCase();
    const lower = char.toLowerCase();
    if (upper !== lower && upper.length === 1 && lower.length === 1) source += `[${lower}${upper}]`;
    else if (/\s/.test(char)) source += '\\s+';
    else source += escapeRegExp(char);
  }
  return source;
}

const longestFirst = (items: Iterable<string>): string[] => [...items].sort((a, b) => b.length - a.length);

interface MoneyPatterns {
  prefix: RegExp;
  suffix: RegExp;
}

function buildPatterns(spaceGrouping: boolean): MoneyPatterns {
  const separator = spaceGrouping ? "[.,' ]" : "[.,']";
  const amount = String.raw`(?<amount>(?:\d{1,3}(?:${separator}\d{3})+|\d+)(?:[.,]\d{1,2})?)(?![0-9])`;
  const multipliers = Object.keys(MULTIPLIERS);
  const unspacedMultipliers = multipliers.filter((m) => UNSPACED_SCRIPT.test(m) || /\p{Script=Hangul}/u.test(m));
  const alphaMultipliers = multipliers.filter((m) => !unspacedMultipliers.includes(m));
  const multiplier = `(?<multiplier>${longestFirst(unspacedMultipliers).map(escapeRegExp).join('|')}|(?:${longestFirst(
    alphaMultipliers,
  )
    .map(escapeRegExp)
    .join('|')})(?![\\p{L}]))`;
  const symbols = longestFirst(Object.keys(CURRENCY_SYMBOLS)).map(escapeRegExp).join('|');
  const words = longestFirst(Object.keys(CURRENCY_WORDS)).map(caseless).join('|');
  const codes = longestFirst([...CURRENCY_CODES, ...LOWER_CASE_CODES]).join('|');
  const prefixWords = longestFirst(Object.keys(PREFIX_WORDS)).map(escapeRegExp).join('|');
  // Both forms start at the digits, so the long currency alternations run only next to a number; the prefix
  // form finds its currency in a look-behind ("$25", "Rp150.000", "USD 25").
  const currencyBefore = `(?<![A-Za-z0-9$])(?<currency>${symbols}|(?:${codes}|${prefixWords})(?![A-Za-z]))`;
  const prefix = new RegExp(`(?<=${currencyBefore}\\s?)(?<![0-9.,])${amount}(?:\\s?${multiplier})?`, 'gdu');
  const suffix = new RegExp(
    `(?<![A-Za-z0-9.,])${amount}\\s?(?:${multiplier}\\s?)?(?<currency>${symbols}|(?:${words}|${codes})(?![\\p{L}\\p{N}]))`,
    'gdu',
  );
  return { prefix, suffix };
}

// Built on first use (two variants), then reused: the alternations are large but compile once.
const patternCache = new Map<boolean, MoneyPatterns>();
function patterns(spaceGrouping: boolean): MoneyPatterns {
  let built = patternCache.get(spaceGrouping);
  if (!built) {
    built = buildPatterns(spaceGrouping);
    patternCache.set(spaceGrouping, built);
  }
  return built;
}

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

function currencyOf(token: string, language: string | undefined, text: string): string | undefined {
  const collapsed = token.replace(/\s+/g, ' ');
  const code =
    CURRENCY_SYMBOLS[collapsed] ??
    PREFIX_WORDS[collapsed] ??
    CURRENCY_WORDS[collapsed.toLowerCase()] ??
    (CURRENCY_CODES.includes(collapsed.toUpperCase()) ? collapsed.toUpperCase() : undefined);
  if (code === 'RMB') return 'CNY';
  if (code !== YEN_SIGN) return code;
  const japanese = language ? language.toLowerCase().startsWith('ja') : KANA.test(text);
  return japanese ? 'JPY' : 'CNY';
}

/**
 * Reads a written amount. The last separator followed by one or two digits is the decimal mark, whatever the
 * language ("1.299,00" and "1,299.00" are both 1299); a separator followed by three digits groups thousands
 * ("50.000", "1,299"), except for three-decimal currencies such as KWD.
 */
export function parseAmount(written: string, currency?: string): number | undefined {
  const compact = written.replace(/[\s']/g, '');
  const decimal = /[.,](\d{1,2})$/.exec(compact);
  let integerPart = decimal ? compact.slice(0, decimal.index) : compact;
  let fraction = decimal?.[1] ?? '';
  if (!decimal && currency && THREE_DECIMAL_CURRENCIES.has(currency)) {
    const three = /^(\d+)\.(\d{3})$/.exec(compact);
    if (three) [integerPart, fraction] = [three[1] ?? '', three[2] ?? ''];
  }
  const digits = integerPart.replace(/[.,]/g, '');
  if (!/^\d+$/.test(digits)) return undefined;
  return Number(fraction ? `${digits}.${fraction}` : digits);
}

/**
 * Finds amounts of money; the value has the amount in major units and the ISO 4217 currency. `$` alone is USD.
 * @example findMoney('it cost 1.299,00 EUR')[0].value // { amount: 1299, currency: 'EUR' }
 */
export function findMoney(text: string, options: MoneySearchOptions = {}): Array<EntityOf<'money'>> {
  if (!/[0-9]/.test(text)) return [];
  const base = options.language?.toLowerCase().split(/[-_]/)[0];
  const { prefix, suffix } = patterns(base !== undefined && SPACE_GROUPING.has(base));
  const candidates: Array<EntityOf<'money'>> = [];
  for (const pattern of [prefix, suffix]) {
    for (const match of text.matchAll(pattern)) {
      const groups = match.groups ?? {};
      const currency = currencyOf(groups.currency ?? '', options.language, text);
      const written = parseAmount(groups.amount ?? '', currency);
      if (!currency || written === undefined) continue;
      const factor = groups.multiplier ? (MULTIPLIERS[groups.multiplier] ?? 1) : 1;
      const amount = Math.round(written * factor * 1000) / 1000;
      const start = Math.min(match.index, match.indices?.groups?.currency?.[0] ?? match.index);
      const end = match.index + match[0].trimEnd().length;
      candidates.push({ type: 'money', text: text.slice(start, end), start, end, value: { amount, currency } });
    }
  }
  // "$25 USD" matches both ways: keep the longest of overlapping readings.
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Array<EntityOf<'money'>> = [];
  for (const candidate of candidates) {
    if (kept.every((k) => candidate.end <= k.start || candidate.start >= k.end)) kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}
