/**
 * Order numbers: `#10234`, `ORD-58213`, "order 4471" in 16 languages, and bare `A1B2C3`-style codes. The patterns
 * are plain regular expressions so a workspace can replace them with its own shop's format.
 */
import type { EntityOf } from './entity';
import { escapeRegExp } from './text-folding';
import {
  LINKING_PARTICLES,
  NUMBER_WORDS,
  SPACED_ORDER_WORDS,
  UNSPACED_ORDER_WORDS,
  VERB_MARKERS,
} from './order-number-words';

const alternation = (words: readonly string[]): string =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRegExp(w).replace(/ /g, '\\s+'))
    .join('|');

// A code: ASCII letters/digits with inner dashes, at least one digit, not a hyphenated date.
const CODE = String.raw`#?(?=[A-Za-z0-9_-]*[0-9])(?!\d{4}-\d{1,2}-\d{1,2}(?![0-9]))[A-Za-z0-9](?:[A-Za-z0-9]|[-_](?=[A-Za-z0-9])){2,29}(?![A-Za-z0-9])`;

/**
 * "order 4471", "pedido nº 4471", "订单号是A1B2C3", "注文番号は4471". Anchored on the code, with the words in a
 * look-behind: V8 then tries the long keyword alternation only where a code with a digit starts, not at every
 * character (about four times faster on typical messages).
 */
function keywordPattern(): RegExp {
  const verbGuard = `(?<!(?<![\\p{L}\\p{N}])(?:${alternation(VERB_MARKERS)})\\s+)`;
  const spaced = `${verbGuard}(?<![\\p{L}\\p{N}])(?:${alternation(SPACED_ORDER_WORDS)})(?![\\p{L}\\p{N}])`;
  const unspaced = `(?:${alternation(UNSPACED_ORDER_WORDS)})`;
  const numberWord = `(?:\\s*(?:${alternation(NUMBER_WORDS)}))?`;
  const particle = `(?:\\s*(?:${alternation(LINKING_PARTICLES)}))?`;
  const connector = String.raw`[\s:#=№.]*`;
  const context = `(?<=(?:${spaced}|${unspaced})${numberWord}${particle}${connector})`;
  return new RegExp(`(?<![A-Za-z0-9#])(?=#?[A-Za-z0-9_-]*[0-9])${context}(?<code>${CODE})`, 'giud');
}

/** `#10234`, `# A1B2C3`: the hash is kept in the span and dropped from the normalised value. Not `&#123;`. */
const HASH_PATTERN = /(?<![\p{L}\p{N}&])(?<code>#\s?(?=[A-Za-z0-9-]*[0-9])(?:[0-9]{3,20}|[A-Z0-9][A-Z0-9-]{2,19}|[a-z0-9][a-z0-9-]{2,19}))(?![A-Za-z0-9])/gdu;

/** `ORD-58213`, `order_123`, `ORDER-A1B2`: the prefix is part of the order number. */
const PREFIXED_PATTERN = /(?<![A-Za-z0-9])(?<code>ord(?:er)?[-_](?=[A-Za-z0-9]*[0-9])[A-Za-z0-9]{3,20})(?![A-Za-z0-9])/gid;

/**
 * Bare 6-10 character codes mixing letters and digits (`A1B2C3`, `SO123456`), upper or lower case but not mixed
 * (`iPhone15` is a product). Shapes that are usually something else are refused: short prefix + up to 4 digits
 * (`RTX4090`, `COVID19`), number + unit (`256GB`, `1080P`), and codes touching `@ . / - #` (e-mails, URLs, SKUs).
 * Works inside Chinese/Japanese text, which puts no spaces around codes ("我的订单A1B2C3到哪里了").
 */
const BARE_CODE_PATTERN = new RegExp(
  String.raw`(?<![A-Za-z0-9@._%+\-/#&=])(?<code>` +
    String.raw`(?=[A-Z0-9]{6,10}(?![A-Za-z0-9]))(?=[0-9]*[A-Z])(?=(?:[A-Z]*[0-9]){2})` +
    String.raw`(?![A-Z]+[0-9]{1,4}(?![A-Za-z0-9]))(?![0-9]+[A-Z]{1,4}(?![A-Za-z0-9]))[A-Z0-9]{6,10}` +
    '|' +
    String.raw`(?=[a-z0-9]{6,10}(?![A-Za-z0-9]))(?=[0-9]*[a-z])(?=(?:[a-z]*[0-9]){3})` +
    String.raw`(?![a-z]+[0-9]{1,4}(?![A-Za-z0-9]))(?![0-9]+[a-z]{1,4}(?![A-Za-z0-9]))[a-z0-9]{6,10}` +
    String.raw`)(?![A-Za-z0-9@]|\.[A-Za-z0-9])`,
  'gd',
);

/**
 * The default order-number patterns, most specific first: "order 4471" in the 16 languages, `#10234`,
 * `ORD-58213`, bare `A1B2C3` codes.
 *
 * `EntityExtractionOptions.orderNumberPatterns` **replaces** this list, because a workspace that knows its format
 * usually wants to switch off the bare-code guess; to extend instead, pass
 * `[...DEFAULT_ORDER_NUMBER_PATTERNS, /INV-\d{6}/g]`. A pattern's named group `code` (else its first group,
 * else the whole match) is the span and the order number.
 */
export const DEFAULT_ORDER_NUMBER_PATTERNS: readonly RegExp[] = Object.freeze([
  keywordPattern(),
  HASH_PATTERN,
  PREFIXED_PATTERN,
  BARE_CODE_PATTERN,
]);

/** Upper case, without `#` and white space: `#a1b2 c3` -> `A1B2C3`. */
export function normalizeOrderNumber(code: string): string {
  return code.replace(/[#\s]/g, '').toUpperCase();
}

// `g` to find every match, `d` for the offsets of the `code` group.
function withIndices(pattern: RegExp): RegExp {
  if (pattern.global && pattern.hasIndices) return pattern;
  const flags = pattern.flags.replace(/[gdy]/g, '');
  return new RegExp(pattern.source, `${flags}gd`);
}

/**
 * Finds order numbers with the given patterns (default {@link DEFAULT_ORDER_NUMBER_PATTERNS}). Spans may overlap
 * each other and other entities; `extractEntities` resolves that (a tracking number wins over an order number).
 * Expects text already passed through `foldWidthAndDigits` when full-width digits matter.
 * @example findOrderNumbers('where is my order #10234?')[0].value // { normalized: '10234' }
 */
export function findOrderNumbers(
  text: string,
  patterns: readonly RegExp[] = DEFAULT_ORDER_NUMBER_PATTERNS,
): Array<EntityOf<'order_number'>> {
  const found: Array<EntityOf<'order_number'>> = [];
  if (!/[0-9]/.test(text) && patterns === DEFAULT_ORDER_NUMBER_PATTERNS) return found;
  const seen = new Set<string>();
  for (const pattern of patterns) {
    for (const match of text.matchAll(withIndices(pattern))) {
      const span = match.indices?.groups?.code ?? match.indices?.[1] ?? [match.index, match.index + match[0].length];
      const [start, end] = span;
      const code = text.slice(start, end);
      const normalized = normalizeOrderNumber(code);
      const key = `${start}:${end}`;
      if (!normalized || seen.has(key)) continue;
      seen.add(key);
      found.push({ type: 'order_number', text: code, start, end, value: { normalized } });
    }
  }
  return found;
}
