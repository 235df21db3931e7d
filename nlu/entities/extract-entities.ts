/**
 * The combining extractor: runs every entity finder over the message and keeps a non-overlapping set, preferring
 * the more specific reading of a span (a tracking number over an order number over a phone number...).
 */
import { findCountries } from './countries';
import { findDates } from './dates';
import { findEmails } from './emails';
import type { Entity } from './entity';
import { assessFrustration } from './frustration';
import { SHOPPER_LANGUAGES } from './language-regions';
import { findMoney } from './money';
import { DEFAULT_ORDER_NUMBER_PATTERNS, findOrderNumbers } from './order-numbers';
import { findPhones } from './phones';
import type { ProductMatcher } from './product-matcher';
import { foldWidthAndDigits } from './text-folding';
import { findTrackingNumbers, isContextualTrackingNumber } from './tracking-numbers';

/** Options of {@link extractEntities}. */
export interface EntityExtractionOptions {
  /** Shopper language if known (ISO 639-1, or a tag like `pt-BR`); steers dates, money, phones, countries. */
  language?: string;
  /**
   * The workspace's order-number patterns. They **replace** {@link DEFAULT_ORDER_NUMBER_PATTERNS}; to extend,
   * pass `[...DEFAULT_ORDER_NUMBER_PATTERNS, /INV-\d{6}/g]`. A named group `code` marks the number.
   * @defaultValue DEFAULT_ORDER_NUMBER_PATTERNS
   */
  orderNumberPatterns?: readonly RegExp[];
  /** Reference for relative dates ("yesterday"). @defaultValue now */
  referenceDate?: Date;
  /** Region hint for phone numbers without `+` (ISO alpha-2); else derived from `language`. */
  defaultCountry?: string;
  /** Catalogue matcher; without it no `product` entities are produced. */
  products?: ProductMatcher;
}

interface Candidate {
  entity: Entity;
  /** Higher wins an overlap; then the longer span; then the earlier one. */
  priority: number;
}

/**
 * Who wins an overlap. Shapes that cannot be anything else come first (e-mail, UPS/UPU tracking), then what the
 * shopper explicitly labelled ("order 4471", a catalogue SKU), then validated numbers (phones), amounts, dates,
 * and finally the fuzzy readings (countries, product names).
 */
export const ENTITY_PRIORITY = {
  email: 100,
  trackingByShape: 90,
  productBySku: 85,
  orderNumber: 80,
  trackingByContext: 75,
  phone: 70,
  money: 60,
  date: 50,
  country: 30,
  productByName: 20,
} as const;

function resolveOverlaps(candidates: Candidate[]): Entity[] {
  const ranked = [...candidates].sort(
    (a, b) =>
      b.priority - a.priority ||
      b.entity.end - b.entity.start - (a.entity.end - a.entity.start) ||
      a.entity.start - b.entity.start,
  );
  const kept: Entity[] = [];
  for (const { entity } of ranked) {
    if (entity.end > entity.start && kept.every((k) => entity.end <= k.start || entity.start >= k.end)) kept.push(entity);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Finds order and tracking numbers, e-mails, phones, money, dates, countries and (with a catalogue) products in a
 * shopper message in any of the 16 languages. Returns entities sorted by `start`, never overlapping; offsets and
 * `text` refer to the message as given (full-width or Arabic-Indic digits are read as ASCII, spans unchanged).
 * @example
 * extractEntities('我的订单A1B2C3到哪里了？昨天就该到了', { language: 'zh', referenceDate: new Date(2025, 2, 12) });
 * // [{ type: 'order_number', text: 'A1B2C3', value: { normalized: 'A1B2C3' } },
 * //  { type: 'date', text: '昨天', value: { date: '2025-03-11', relative: true } }]
 */
export function extractEntities(text: string, options: EntityExtractionOptions = {}): Entity[] {
  const folded = foldWidthAndDigits(text);
  const { language } = options;
  const candidates: Candidate[] = [];
  const add = (entities: readonly Entity[], priority: number | ((e: Entity) => number)): void => {
    for (const entity of entities) {
      candidates.push({ entity, priority: typeof priority === 'number' ? priority : priority(entity) });
    }
  };

  add(findEmails(folded), ENTITY_PRIORITY.email);
  const trackingPriority = (e: Entity): number =>
    e.type === 'tracking_number' && isContextualTrackingNumber(e)
      ? ENTITY_PRIORITY.trackingByContext
      : ENTITY_PRIORITY.trackingByShape;
  add(findTrackingNumbers(folded), trackingPriority);
  add(findOrderNumbers(folded, options.orderNumberPatterns ?? DEFAULT_ORDER_NUMBER_PATTERNS), ENTITY_PRIORITY.orderNumber);
  add(findPhones(folded, { defaultCountry: options.defaultCountry, language }), ENTITY_PRIORITY.phone);
  add(findMoney(folded, { language }), ENTITY_PRIORITY.money);
  add(findDates(folded, { language, referenceDate: options.referenceDate }), ENTITY_PRIORITY.date);
  add(findCountries(folded, { language }), ENTITY_PRIORITY.country);
  for (const match of options.products?.match(folded) ?? []) {
    const value = match.sku
      ? { productId: match.productId, sku: match.sku, name: match.name, score: match.score }
      : { productId: match.productId, name: match.name, score: match.score };
    candidates.push({
      entity: { type: 'product', text: '', start: match.start, end: match.end, value },
      priority: match.via === 'sku' ? ENTITY_PRIORITY.productBySku : ENTITY_PRIORITY.productByName,
    });
  }

  return resolveOverlaps(candidates).map((entity) => ({ ...entity, text: text.slice(entity.start, entity.end) }));
}

/**
 * Builds the lazy indexes (countries, lexicons, money patterns) and compiles the date parsers of `languages`, so
 * the first shopper message does not pay for it (about 0.5 s in all, once per process). Optional: without it the first
 * message of each language is slow, later ones are not.
 * @defaultValue languages: the 16 shopper languages
 */
export function warmUpEntityExtraction(languages: readonly string[] = SHOPPER_LANGUAGES): void {
  const sample = 'order 4471 paid $25 on 12/03/2025, tracking LX123456789CN, +1 415-555-2671, Deutschland, yesterday';
  const reference = new Date();
  extractEntities(sample, { referenceDate: reference });
  for (const language of languages) {
    extractEntities(sample, { language, referenceDate: reference });
    assessFrustration(sample, language);
  }
  assessFrustration(sample);
}
