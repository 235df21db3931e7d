/**
 * Commerce: the store's products, customers' orders and the changes shoppers may ask for, imports from JSON and CSV,
 * carrier tracking links, the demo store and the admin routes. Other modules import only this file.
 */
export type {
  AttributeValue,
  Customer,
  Money,
  Order,
  OrderEvent,
  OrderItem,
  OrderStatus,
  Product,
  ProductAttributes,
  ShippingAddress,
} from './commerce-types';
export { ORDER_STATUSES } from './commerce-types';
export { CommerceStore, type OrderChangeResult, type OrderOwner } from './commerce-store';
export type { ProductQuery, ProductRef } from './product-queries';
export { allowedStatuses, canCancel, canChangeAddress, decide, type OrderChange, type OrderRefusal, type RefusalReason, type RuleDecision } from './order-rules';
export { normalizeOrderNumber } from './order-numbers';
export { CARRIERS, findCarrier, trackingUrl, type Carrier, type ParcelDestination } from './tracking-links';
export { CatalogImporter, parseCatalog, type ImportCounts, type ImportFormat, type ImportOptions, type ParsedCatalog } from './catalog-import';
export { CatalogImportError, CommerceInputError, OrderChangeConflictError, type ImportIssue } from './commerce-errors';
export { currencyExponent, toMinorUnits } from './money';
export { countrySchema, currencySchema, emailSchema, languageSchema, shippingAddressSchema } from './commerce-schemas';
export { currentCatalogueRevision, raiseCatalogueRevision } from './catalogue-revision';
export type { ProductPriceRecord, ProductRecord, ProductTranslationRecord } from './import-records';
export { seedDemoStore, type SeedResult } from './demo-store';
export { DEMO_ORDERS, demoCatalog } from './demo-catalog';
export { commerceRoutes, type CommerceRoutesDeps } from './commerce-routes';
