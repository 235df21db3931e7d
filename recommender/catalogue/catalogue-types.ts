/**
 * The catalogue as serving sees it: a product with its title in the shopper's language, its price in the shopper's
 * currency where the store set one, and what decides whether it may be shown (active, stock, ship-to countries).
 */

/** A price as shown to a shopper: in the wanted currency when the store set one, else in the product's own. */
export interface LocalizedPrice {
  /** Integer minor units of `currency`. */
  amountMinor: number;
  /** ISO 4217, upper case. */
  currency: string;
  /** False when the product has no price in the wanted currency and this is its own price instead. */
  inRequestedCurrency: boolean;
}

/** A product with its serving fields, localised. */
export interface CatalogueItem {
  id: string;
  sku: string;
  /** The name in the wanted language, else in the product's own language. */
  title: string;
  /** Language of `title`. */
  titleLanguage: string;
  brand: string | null;
  category: string | null;
  price: LocalizedPrice;
  stock: number;
  inStock: boolean;
  /** False once withdrawn from sale. */
  active: boolean;
  /** Countries it ships to (ISO alpha-2, sorted); null: everywhere. */
  shipsTo: readonly string[] | null;
  url: string | null;
  imageUrl: string | null;
}

/** A catalogue item with its description, in the same language as its title when one exists. */
export interface CatalogueDetails extends CatalogueItem {
  description: string | null;
}

/** How to localise items. */
export interface LocaleOptions {
  /** Language of the titles (`es`, `pt-BR`); absent: each product's own language. */
  language?: string;
  /** Currency of the prices (`USD`); absent: each product's own currency. */
  currency?: string;
}

/** Which products may be shown. Every field is optional; all given ones must hold. */
export interface CatalogueFilter {
  /** Only active products with stock. @defaultValue true */
  availableOnly?: boolean;
  /** Only products that ship to this country (ISO alpha-2). */
  country?: string;
  /** Only products of one of these categories (any case). */
  categories?: readonly string[];
  /** Only products of one of these brands (any case). */
  brands?: readonly string[];
  /** Price bounds in minor units of `currency`; products without a price in that currency do not match. */
  price?: { currency: string; minMinor?: number; maxMinor?: number };
}

/** A product row with everything the in-memory catalogue keeps of it (see CatalogueStore.changedSince). */
export interface CatalogueRecord {
  id: string;
  sku: string;
  name: string;
  /** Language of `name`; null: the workspace's default language. */
  language: string | null;
  brand: string | null;
  category: string | null;
  priceMinor: number;
  currency: string;
  stock: number;
  active: boolean;
  url: string | null;
  imageUrl: string | null;
  revision: number;
  /** Names by (lower-case) language. */
  names: Readonly<Record<string, string>>;
  /** Extra prices by currency, minor units. */
  prices: Readonly<Record<string, number>>;
  /** Sorted ISO alpha-2 codes; null: everywhere. */
  shipsTo: readonly string[] | null;
}
