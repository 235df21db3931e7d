/**
 * The serving contract: what the chat, the HTTP API and the storefront ask the recommender, and what they get back.
 * The service behind it (recommendation-service.ts) combines the workspace's live model, the shopper's history
 * across sessions and channels, and the store's business rules; it never answers with an empty list while the
 * catalogue has any shown product.
 */
import type { CatalogueItem } from '../catalogue';

/** Who the recommendations are for; every field optional (an anonymous first visit gets popular products). */
export interface RecommendationSubject {
  /** A known customer: their events on every device and channel form the history. */
  customerId?: string;
  /** An anonymous storefront visitor (linked to a customer once they identify). */
  visitorId?: string;
  /** Product ids seen in this session/conversation, oldest first (added after the stored history). */
  sessionProductIds?: readonly string[];
}

/** Business rules a request adds to the store's defaults (in stock, active, ships to the country, not bought). */
export interface RecommendationRules {
  /** Price bounds in minor units of the request's currency. */
  price?: { minMinor?: number; maxMinor?: number };
  /** Only these categories (any case). */
  categories?: readonly string[];
  /** Only these brands (any case). */
  brands?: readonly string[];
  /** Most products of one brand in the answer. @defaultValue 2 */
  maxPerBrand?: number;
  /** Allow products the shopper already bought. @defaultValue false */
  includePurchased?: boolean;
  /** Product ids never to return (e.g. cards already shown in this conversation). */
  excludeProductIds?: readonly string[];
}

/** One request. */
export interface RecommendationQuery {
  workspaceId: string;
  subject?: RecommendationSubject;
  /** "Similar to this": ranks by this product (its neighbours and its text) instead of the shopper's history. */
  seedProductId?: string;
  /** How many products. @defaultValue 4, at most 50 */
  limit?: number;
  /** ISO alpha-2: only products that ship there; also the per-country popularity. */
  country?: string;
  /** Title language (`es`); absent: each product's own language. */
  language?: string;
  /** Price currency (`EUR`); absent: each product's own. */
  currency?: string;
  rules?: RecommendationRules;
}

/** Why a product was recommended, in the request's language. */
export interface RecommendationReason {
  kind: 'history' | 'similar' | 'popular' | 'content';
  /** Plain words for the shopper, e.g. "Porque viste Zapatillas Trail X". */
  text: string;
  /** The product behind it ("because you looked at ..."), when one. */
  productId?: string;
}

/** One recommended product, ready for a card. */
export interface RecommendedProduct {
  product: CatalogueItem;
  score: number;
  reason: RecommendationReason;
}

/** The answer. */
export interface RecommendationResult {
  products: RecommendedProduct[];
  /** Which model answered: the live model's kind and version, or `popularity-fallback`. */
  model: { kind: string; version: number | null };
  /** True when the rules left fewer products than asked and some were relaxed (never stock, activity or shipping). */
  relaxed: boolean;
}

/** The serving face the chat skill and the routes use. */
export interface RecommendationService {
  recommend(query: RecommendationQuery): Promise<RecommendationResult>;
}
