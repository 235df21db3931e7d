/**
 * Reads what a shopper wants recommended from one message: a card of the last answer they point at ("more like the
 * second one", "algo como el segundo", the "More like this" button, "2" typed under the cards), a kind of product
 * (a category button, the category words of their language, or words of the store's product titles), and a budget
 * ("under 50 euros"). Pure functions of the turn and the catalogue's vocabulary.
 */
import { toMinorUnits } from '../../../commerce';
import { findPriceLimit } from '../../../nlu/entities';
import type { RecommendationMemory } from '../dialogue/dialogue-state';
import { enSkillTexts } from '../templates/skills/en';
import { containsWords, normaliseWords, type CatalogueVocabulary } from './recommendation-vocabulary';
import type { Turn } from './skill';

/** Quick-reply payloads of the recommendation skills. */
export const recommendationPayloads = {
  /** `rec_similar:<productId>`: "More like this" under a card. */
  similar: 'rec_similar:',
  /** `rec_category:<category>`: a category offered by the clarifying question. */
  category: 'rec_category:',
} as const;

/** A price rule in minor units of `currency`. */
export type PriceWish = NonNullable<RecommendationMemory['price']>;

/** What the message asks for. */
export interface RecommendationWishes {
  /** "Similar to this product". */
  seedProductId?: string;
  /** The seed's position among the last cards (1-based), when the shopper pointed at a card. */
  seedPosition?: number;
  /** True when the seed came from the "More like this" button (or its number). */
  viaButton?: boolean;
  categories?: string[];
  price?: PriceWish;
}

const NUMBERED = /(?:^|\s)(?:n[uú]mero|numero|number|nummer|num|nr|no|#)\s*([1-9])(?:\s|$)/u;

/** The position (1-based) of the card a message points at by an ordinal word, or undefined. */
export function pointedCard(turn: Turn, cardCount: number): number | undefined {
  if (cardCount === 0) return undefined;
  const text = normaliseWords(turn.text);
  if (!text) return undefined;
  // Shoppers write English ordinals whatever their language; the language's own come first.
  for (const ordinals of [turn.texts.recommendation.ordinals, enSkillTexts.recommendation.ordinals]) {
    for (let index = 0; index < Math.min(cardCount, ordinals.length); index++) {
      if ((ordinals[index] ?? []).some((word) => containsWords(text, word))) return index + 1;
    }
  }
  const numbered = NUMBERED.exec(` ${text} `);
  const position = numbered ? Number(numbered[1]) : undefined;
  return position !== undefined && position <= cardCount ? position : undefined;
}

/** Categories named by the template words of the shopper's language (and English), kept to those the store has. */
export function namedCategories(turn: Turn, vocabulary: CatalogueVocabulary): string[] {
  const text = normaliseWords(turn.text);
  if (!text) return [];
  const found = new Set<string>();
  for (const table of [turn.texts.recommendation.categories, enSkillTexts.recommendation.categories]) {
    for (const [key, words] of Object.entries(table)) {
      const category = vocabulary.category(key);
      if (category && words.some((word) => containsWords(text, word))) found.add(category);
    }
  }
  // The store's own category names, as written in its catalogue ("Running Apparel").
  for (const category of vocabulary.categoriesByKey.values()) if (containsWords(text, category)) found.add(category);
  return [...found];
}

/** The budget of the message as a price rule: in the currency written, else the shopper's. */
export function priceWish(turn: Turn, shopperCurrency: string): PriceWish | undefined {
  const limit = findPriceLimit(turn.text, { language: turn.language });
  if (!limit) return undefined;
  const currency = limit.currency ?? shopperCurrency;
  const minor = (amount: number | undefined) => (amount === undefined ? undefined : toMinorUnits(String(amount), currency));
  const minMinor = minor(limit.min);
  const maxMinor = minor(limit.max);
  if (minMinor === undefined && maxMinor === undefined) return undefined;
  return { currency, ...(minMinor !== undefined ? { minMinor } : {}), ...(maxMinor !== undefined ? { maxMinor } : {}) };
}

/** True when the message names a kind of product or a budget in words the skills know without the catalogue. */
export function mentionsWishes(turn: Turn): boolean {
  if (findPriceLimit(turn.text, { language: turn.language })) return true;
  const text = normaliseWords(turn.text);
  return Object.values(turn.texts.recommendation.categories).some((words) => words.some((word) => containsWords(text, word)));
}

/**
 * Everything the message asks for. `cards` are the product ids of the last answer, in order.
 * @param shopperCurrency the currency a bare budget ("hasta 50") is read in.
 */
export function readWishes(turn: Turn, vocabulary: CatalogueVocabulary, cards: readonly string[], shopperCurrency: string): RecommendationWishes {
  const wishes: RecommendationWishes = {};
  const payload = turn.quickReplyPayload;
  if (payload?.startsWith(recommendationPayloads.similar)) {
    const productId = payload.slice(recommendationPayloads.similar.length);
    const position = cards.indexOf(productId);
    return { seedProductId: productId, viaButton: true, ...(position >= 0 ? { seedPosition: position + 1 } : {}) };
  }
  if (payload?.startsWith(recommendationPayloads.category)) {
    const category = vocabulary.category(payload.slice(recommendationPayloads.category.length));
    if (category) wishes.categories = [category];
  }
  const position = pointedCard(turn, cards.length);
  if (position !== undefined) {
    wishes.seedProductId = cards[position - 1];
    wishes.seedPosition = position;
  }
  // A product named in the message ("something like the Airflow Road Running Shoe"), when the match is clear.
  const named = turn.understanding?.entities.find((entity) => entity.type === 'product');
  if (wishes.seedProductId === undefined && named?.type === 'product' && named.value.score >= 0.8) wishes.seedProductId = named.value.productId;
  if (!wishes.categories && wishes.seedProductId === undefined) {
    const named = namedCategories(turn, vocabulary);
    const categories = named.length ? named : vocabulary.categoriesFromTitles(turn.text);
    if (categories.length) wishes.categories = categories;
  }
  const price = priceWish(turn, shopperCurrency);
  if (price) wishes.price = price;
  return wishes;
}
