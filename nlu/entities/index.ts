/**
 * Entity extraction and the frustration signal for shopper messages in 16 languages (en, zh, es, fr, de, pt, ru,
 * ar, ja, ko, it, tr, vi, id, th, pl). `extractEntities` and `assessFrustration` are the entry points; the
 * single-type finders are exported for callers that need only one kind.
 */
export type {
  CodeValue,
  CountryValue,
  DateValue,
  EmailValue,
  Entity,
  EntityOf,
  EntityType,
  EntityValues,
  MoneyValue,
  PhoneValue,
  ProductValue,
} from './entity';
export {
  extractEntities,
  warmUpEntityExtraction,
  ENTITY_PRIORITY,
  type EntityExtractionOptions,
} from './extract-entities';
export { DEFAULT_ORDER_NUMBER_PATTERNS, findOrderNumbers, normalizeOrderNumber } from './order-numbers';
export { findTrackingNumbers } from './tracking-numbers';
export { findEmails } from './emails';
export { findPhones, type PhoneSearchOptions } from './phones';
export { findMoney, parseAmount, type MoneySearchOptions } from './money';
export { findDates, type DateSearchOptions } from './dates';
export { findCountries, type CountrySearchOptions } from './countries';
export {
  ProductMatcher,
  ProductCatalogError,
  type CatalogueProduct,
  type ProductMatch,
  type ProductMatcherOptions,
} from './product-matcher';
export {
  assessFrustration,
  FRUSTRATION_ESCALATION_THRESHOLD,
  type FrustrationAssessment,
} from './frustration';
export type { FrustrationKind } from './frustration-lexicon';
export { regionOfLanguage, SHOPPER_LANGUAGES } from './language-regions';
export { foldWidthAndDigits } from './text-folding';
export { findPriceLimit, PRICE_LIMIT_WORDS, type PriceLimit, type PriceLimitOptions } from './price-limit';
