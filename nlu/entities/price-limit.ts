/**
 * A shopper's budget in a message: "under 50 euros", "menos de 50€", "moins de 50 €", "bis 80 Euro", "entre 20 y 40
 * euros", "50€ max", "500元以下". Amounts come from {@link findMoney} (with their currency) or are bare numbers next to
 * a limit word (the caller then reads them in the shopper's currency); a number without a limit word is not a
 * budget ("talla 42", "2 pares").
 */
import { findMoney, parseAmount } from './money';
import { foldWidthAndDigits } from './text-folding';

/** Price bounds in major units; `currency` when the message named one. */
export interface PriceLimit {
  min?: number;
  max?: number;
  /** ISO 4217, when written ("50 €"); absent for bare numbers ("hasta 50"). */
  currency?: string;
}

/** Options of {@link findPriceLimit}. */
export interface PriceLimitOptions {
  /** Shopper language (`¥` is yen for `ja`); the limit words of every language are tried whatever it is. */
  language?: string;
}

// Words before an amount that make it an upper bound, in the 16 shopper languages (lower case).
const MAX_BEFORE = [
  'under', 'below', 'less than', 'up to', 'at most', 'no more than', 'not more than', 'max', 'maximum', 'cheaper than', 'within', 'budget of', 'budget is', 'budget',
  'menos de', 'por debajo de', 'hasta', 'máximo', 'maximo', 'como mucho', 'no más de', 'no mas de', 'inferior a', 'presupuesto de', 'presupuesto',
  'moins de', 'en dessous de', 'au-dessous de', 'jusqu’à', "jusqu'à", 'jusqu à', 'pas plus de', 'inférieur à', 'au maximum', 'budget de',
  'abaixo de', 'até', 'no máximo', 'orçamento de', 'menos que',
  'unter', 'weniger als', 'bis zu', 'bis', 'maximal', 'höchstens', 'budget von',
  'meno di', 'sotto i', 'sotto', 'fino a', 'massimo', 'al massimo', 'non più di', 'budget di',
  'до', 'меньше', 'дешевле', 'не дороже', 'не больше', 'максимум',
  'poniżej', 'do', 'mniej niż', 'maksymalnie', 'najwyżej',
  'dưới', 'tối đa', 'không quá',
  'di bawah', 'maksimal', 'kurang dari', 'paling mahal',
  'ไม่เกิน', 'ต่ำกว่า',
  'أقل من', 'حتى', 'لا يزيد عن', 'بحد أقصى',
  '不超过', '低于', '少于', '最多',
  '최대',
];
// Words after an amount that make it an upper bound ("50€ max", "500元以下", "5000円以下", "3만원 이하").
const MAX_AFTER = ['max', 'maximum', 'máximo', 'maximo', 'massimo', 'maximal', 'or less', 'or under', 'o menos', 'ou moins', 'oder weniger', 'o meno', 'ou menos', '以下', '以内', '之内', '未満', '이하', '이내', '미만', 'altı', 'altında', 'kadar', 'ที่ไม่เกิน'];
// Words before an amount that make it a lower bound.
const MIN_BEFORE = [
  'over', 'above', 'more than', 'at least', 'from',
  'más de', 'mas de', 'desde', 'mínimo', 'al menos', 'por encima de',
  'plus de', 'au moins', 'à partir de', 'a partir de', 'au-dessus de',
  'mais de', 'pelo menos', 'acima de',
  'über', 'mehr als', 'mindestens', 'ab',
  'più di', 'almeno', 'sopra i',
  'больше', 'от', 'дороже', 'не меньше',
  'powyżej', 'od', 'więcej niż', 'co najmniej',
  'trên', 'ít nhất', 'di atas', 'minimal', 'lebih dari', 'อย่างน้อย', 'أكثر من', '超过', '高于', '至少', '최소',
];
const MIN_AFTER = ['以上', '이상', 'or more', 'o más', 'ou plus', 'oder mehr', 'o più', 'ou mais', 'üstü', 'üzerinde'];
// Between two amounts of a range ("entre 20 y 40", "20-40 €", "zwischen 20 und 40").
const RANGE_JOIN = /^\s*(?:and|to|y|a|et|à|e|und|bis|и|до|i|do|ve|và|dan|sampai|ถึง|و|至|到|~|〜|-|–|—)\s*$/u;

/** Chinese, Japanese, Korean and Thai: words are not separated by spaces. */
const UNSPACED = /[\u3040-\u9fff\uac00-\ud7af\u0e00-\u0e7f]/u;
/** A letter or digit of any script: the edge of a word. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

interface Amount {
  start: number;
  end: number;
  value: number;
  currency?: string;
}

const BARE_NUMBER = /(?<![\p{L}\p{N}.,])(\d{1,3}(?:[.,]\d{3})+|\d+)(?:[.,]\d{1,2})?(?![\p{N}])/gu;

function amountsIn(text: string, language: string | undefined): Amount[] {
  const money = findMoney(text, language ? { language } : {}).map((m) => ({ start: m.start, end: m.end, value: m.value.amount, currency: m.value.currency }));
  const bare: Amount[] = [];
  for (const match of text.matchAll(BARE_NUMBER)) {
    const start = match.index;
    const end = start + match[0].length;
    if (money.some((m) => start < m.end && end > m.start)) continue;
    const value = parseAmount(match[0]);
    if (value !== undefined) bare.push({ start, end, value });
  }
  return [...money, ...bare].sort((a, b) => a.start - b.start);
}

/** True when `before` (the text up to an amount) ends with one of the phrases as whole words. */
function endsWithPhrase(before: string, phrases: readonly string[]): boolean {
  const tail = before.replace(/[\s:=]+$/u, '');
  return phrases.some((phrase) => {
    if (!tail.endsWith(phrase)) return false;
    const edge = tail.charAt(tail.length - phrase.length - 1);
    // CJK words need no space before them; Latin ones must not be the end of a longer word ("ab" in "grab").
    return edge === '' || !WORD_CHAR.test(edge) || UNSPACED.test(phrase);
  });
}

/** True when `after` (the text following an amount) starts with one of the phrases. */
function startsWithPhrase(after: string, phrases: readonly string[]): boolean {
  const head = after.replace(/^[\s.,)]+/u, '');
  // Chinese, Japanese and Korean words run on without a space ("以下的跑鞋").
  return phrases.some((phrase) => head.startsWith(phrase) && (UNSPACED.test(phrase) || !WORD_CHAR.test(head.charAt(phrase.length) || ' ')));
}

/**
 * The budget a message states, or undefined.
 * @example findPriceLimit('¿Zapatillas por menos de 50€?') // { max: 50, currency: 'EUR' }
 * @example findPriceLimit('entre 20 y 40 euros') // { min: 20, max: 40, currency: 'EUR' }
 * @example findPriceLimit('talla 42') // undefined
 */
export function findPriceLimit(text: string, options: PriceLimitOptions = {}): PriceLimit | undefined {
  const folded = foldWidthAndDigits(text);
  if (!/[0-9]/.test(folded)) return undefined;
  const lower = folded.toLowerCase();
  const amounts = amountsIn(folded, options.language);
  const currencyOf = (...found: Amount[]) => found.find((a) => a.currency)?.currency;
  for (let i = 0; i + 1 < amounts.length; i++) {
    const [a, b] = [amounts[i] as Amount, amounts[i + 1] as Amount];
    if (RANGE_JOIN.test(lower.slice(a.end, b.start)) && a.value < b.value) {
      const currency = currencyOf(a, b);
      return { min: a.value, max: b.value, ...(currency ? { currency } : {}) };
    }
  }
  const limit: PriceLimit = {};
  for (const amount of amounts) {
    const before = lower.slice(Math.max(0, amount.start - 30), amount.start);
    const after = lower.slice(amount.end, amount.end + 16);
    const isMax = endsWithPhrase(before, MAX_BEFORE) || startsWithPhrase(after, MAX_AFTER);
    const isMin = !isMax && (endsWithPhrase(before, MIN_BEFORE) || startsWithPhrase(after, MIN_AFTER));
    if (!isMax && !isMin) continue;
    if (isMax && limit.max === undefined) limit.max = amount.value;
    if (isMin && limit.min === undefined) limit.min = amount.value;
    if (amount.currency && !limit.currency) limit.currency = amount.currency;
  }
  return limit.max !== undefined || limit.min !== undefined ? limit : undefined;
}

/** The phrases, for tests and documentation. */
export const PRICE_LIMIT_WORDS = { maxBefore: MAX_BEFORE, maxAfter: MAX_AFTER, minBefore: MIN_BEFORE, minAfter: MIN_AFTER } as const;
