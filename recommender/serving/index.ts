/**
 * Serving: top-N recommendations for a shopper, a session or a seed product with the store's business rules and
 * explanations in the shopper's language ({@link createRecommendationService}; the contract is serving-types.ts).
 */
export type * from './serving-types';
export { createRecommendationService, DEFAULT_LIMIT, DEFAULT_MAX_PER_BRAND, MAX_LIMIT, type RecommendationServiceDeps } from './recommendation-service';
export { EventPopularity, type EventPopularityOptions, type PopularitySource } from './event-popularity';
export { REASON_TEXTS, reasonTexts, type ReasonTexts } from './reason-texts';
