/**
 * The recommender's catalogue: products with their texts in several languages, prices per currency, stock and
 * ship-to countries, in SQL ({@link CatalogueStore}) and in memory for serving ({@link CatalogueCache} of
 * {@link CatalogueSnapshot}s, kept current by revision checks and change events).
 */
export type { CatalogueDetails, CatalogueFilter, CatalogueItem, CatalogueRecord, LocaleOptions, LocalizedPrice } from './catalogue-types';
export { CatalogueStore } from './catalogue-store';
export { CatalogueSnapshot, type CatalogueRef, type PreparedFilter } from './catalogue-snapshot';
export { CatalogueCache, type CatalogueCacheOptions } from './catalogue-cache';
export { catalogueEventsChannel, publishCatalogueChanged, subscribeCatalogueChanged, type CatalogueChangedEvent } from './catalogue-events';
export { languageCandidates, pickPrice, pickText, shipsToCountry } from './localize';
