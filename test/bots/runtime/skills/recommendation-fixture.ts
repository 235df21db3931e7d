/**
 * A small store for the recommendation skill tests: the real in-memory catalogue (CatalogueSnapshot) with Spanish
 * and English titles, prices in EUR and USD, one product out of stock and one that does not ship to Spain, and a
 * serving stand-in that keeps the contract's rules (in stock, ships to the country, categories, price, exclusions;
 * "similar" = the seed's category first) and records the queries it got, so the tests see what the skill asked for.
 * The real RecommendationService answers the same queries in the end-to-end test.
 */
import { CatalogueSnapshot, type CatalogueRecord } from '../../../../recommender/catalogue';
import type { RecommendationQuery, RecommendationResult, RecommendationService } from '../../../../recommender/serving/serving-types';
import type { EventInput } from '../../../../recommender/events';
import { ClickTokens } from '../../../../recommender/api/click-token';
import { createChatRecommendations, type ChatRecommendations } from '../../../../bots/runtime/skills/recommendation-services';

function product(id: string, category: string, en: string, es: string, eur: number, extra: Partial<CatalogueRecord> = {}): CatalogueRecord {
  return {
    id,
    sku: id.toUpperCase(),
    name: en,
    language: 'en',
    brand: 'Stride',
    category,
    priceMinor: eur * 100,
    currency: 'EUR',
    stock: 10,
    active: true,
    url: `https://shop.example.com/products/${id}`,
    imageUrl: `https://shop.example.com/images/${id}.jpg`,
    revision: 1,
    names: { es },
    prices: { USD: eur * 110 },
    shipsTo: null,
    ...extra,
  };
}

/** The products. `shoe-kids` is out of stock; `shoe-us` ships only to the United States. */
export const STORE_PRODUCTS: CatalogueRecord[] = [
  product('shoe-road', 'Shoes', 'Road Running Shoe', 'Zapatilla de running de asfalto', 129),
  product('shoe-trail', 'Shoes', 'Trail Running Shoe', 'Zapatilla de trail running', 139),
  product('shoe-cush', 'Shoes', 'Cushioned Running Shoe', 'Zapatilla de running amortiguada', 119),
  product('shoe-kids', 'Shoes', 'Kids Running Shoe', 'Zapatilla de running infantil', 59, { stock: 0 }),
  product('shoe-us', 'Shoes', 'Racing Flat', 'Zapatilla voladora de competición', 89, { shipsTo: ['US'] }),
  product('slide', 'Shoes', 'Recovery Slide', 'Chanclas de recuperación', 39),
  product('tee', 'Running Apparel', 'Running Tee', 'Camiseta técnica de running', 29),
  product('tights', 'Running Apparel', 'Running Tights', 'Mallas largas de running', 49),
  product('jacket', 'Running Apparel', 'Wind Jacket', 'Chaqueta cortavientos', 79),
  product('socks', 'Accessories', 'Running Socks', 'Calcetines de running', 12),
  product('bottle', 'Accessories', 'Soft Flask', 'Botellín flexible', 19),
  product('tent', 'Outdoor', 'Two-person Tent', 'Tienda de campaña para dos', 249),
];

/** The catalogue as the serving and the skills see it. */
export function storeSnapshot(): CatalogueSnapshot {
  const snapshot = new CatalogueSnapshot('ws-1', 'en');
  snapshot.apply(STORE_PRODUCTS, 1);
  return snapshot;
}

/** See the file comment. `histories`: product ids a customer looked at (their answers say "because you viewed"). */
export class RuleServing implements RecommendationService {
  readonly queries: RecommendationQuery[] = [];

  constructor(
    private readonly snapshot: CatalogueSnapshot,
    private readonly histories: Record<string, string[]> = {},
  ) {}

  async recommend(query: RecommendationQuery): Promise<RecommendationResult> {
    this.queries.push(query);
    const rules = query.rules ?? {};
    const currency = query.currency ?? 'EUR';
    const excluded = new Set([...(rules.excludeProductIds ?? []), ...(query.seedProductId ? [query.seedProductId] : [])]);
    const filter = this.snapshot.prepare({
      ...(query.country ? { country: query.country } : {}),
      ...(rules.categories ? { categories: rules.categories } : {}),
      ...(rules.price ? { price: { currency, ...rules.price } } : {}),
    });
    const seed = query.seedProductId !== undefined ? this.snapshot.indexOf(query.seedProductId) : undefined;
    const seedCategory = seed !== undefined ? this.snapshot.categoryAt(seed) : null;
    const history = query.subject?.customerId ? (this.histories[query.subject.customerId] ?? []) : [];
    const historyCategories = new Set(history.map((id) => this.snapshot.categoryAt(this.snapshot.indexOf(id) ?? -1)));
    const candidates = this.snapshot.select({ availableOnly: true }).filter((i) => this.snapshot.matches(i, filter) && !excluded.has(this.snapshot.idAt(i)));
    const rank = (i: number) => (seedCategory !== null && this.snapshot.categoryAt(i) === seedCategory ? 0 : historyCategories.has(this.snapshot.categoryAt(i)) ? 1 : 2);
    const chosen = [...candidates].sort((a, b) => rank(a) - rank(b) || a - b).slice(0, query.limit ?? 4);
    return {
      products: chosen.map((i, position) => {
        const item = this.snapshot.item(i, { ...(query.language ? { language: query.language } : {}), currency });
        const kind = seed !== undefined ? ('similar' as const) : historyCategories.has(item.category) ? ('history' as const) : ('popular' as const);
        return { product: item, score: 1 - position / 10, reason: { kind, text: kind === 'similar' ? 'Parecido' : kind === 'history' ? 'Porque lo viste' : 'Popular' } };
      }),
      model: { kind: 'rules', version: null },
      relaxed: false,
    };
  }
}

/** The chat's recommendation services over the fixture, with the events it recorded. */
export function chatRecommendations(histories: Record<string, string[]> = {}): { recommendations: ChatRecommendations; serving: RuleServing; recorded: EventInput[]; tokens: ClickTokens } {
  const snapshot = storeSnapshot();
  const serving = new RuleServing(snapshot, histories);
  const recorded: EventInput[] = [];
  const tokens = new ClickTokens('skill-test-secret-0123456789');
  const recommendations = createChatRecommendations({
    serving,
    catalogue: { get: async () => snapshot },
    recorder: {
      record: async (_workspaceId: string, events: readonly EventInput[]) => {
        recorded.push(...events);
        return events.map(() => ({ status: 'accepted' as const, id: 'e' }));
      },
    },
    tokens,
    publicUrl: 'https://chat.example.com/',
  });
  return { recommendations, serving, recorded, tokens };
}
