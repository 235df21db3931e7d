/**
 * A workspace's catalogue in memory: the serving fields of every product (no descriptions), indexed by id and by
 * sku, answering in microseconds what serving asks per request: resolve ids, check stock, active and ship-to,
 * localise title and price. Products are addressed by a dense index (stable for the snapshot's life), so serving
 * code can keep per-product arrays of its own beside it.
 *
 * Kept current by {@link CatalogueCache}: {@link CatalogueSnapshot.apply} patches products written since the
 * revision it holds. JavaScript runs one thing at a time, so a reader never sees a half-applied page.
 */
import type { CatalogueFilter, CatalogueItem, CatalogueRecord, LocaleOptions, LocalizedPrice } from './catalogue-types';
import { pickPrice, pickText, shipsToCountry } from './localize';

const NO_NAMES: Readonly<Record<string, string>> = Object.freeze({});
const NO_PRICES: Readonly<Record<string, number>> = Object.freeze({});

/** How a product is named by a caller: by id or by sku. */
export type CatalogueRef = { productId: string } | { sku: string };

/**
 * A {@link CatalogueFilter} normalised once (codes upper case, names folded), for checking many products without
 * repeating that work per product; see {@link CatalogueSnapshot.prepare}.
 */
export interface PreparedFilter {
  readonly prepared: true;
  readonly availableOnly: boolean;
  readonly country: string | undefined;
  readonly categories: ReadonlySet<string> | undefined;
  readonly brands: ReadonlySet<string> | undefined;
  readonly price: { currency: string; min: number; max: number } | undefined;
}

const folded = (list: readonly string[] | undefined): ReadonlySet<string> | undefined =>
  list?.length ? new Set(list.map((entry) => entry.toLowerCase())) : undefined;

/** See the file comment. */
export class CatalogueSnapshot {
  private readonly ids: string[] = [];
  private readonly skus: string[] = [];
  private readonly byId = new Map<string, number>();
  private readonly bySku = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly languages: (string | null)[] = [];
  private readonly translations: Readonly<Record<string, string>>[] = [];
  private readonly brands: (string | null)[] = [];
  private readonly categories: (string | null)[] = [];
  /** Lower-case brand and category, for filters. */
  private readonly brandKeys: (string | null)[] = [];
  private readonly categoryKeys: (string | null)[] = [];
  private readonly prices: number[] = [];
  private readonly currencies: string[] = [];
  private readonly extraPrices: Readonly<Record<string, number>>[] = [];
  private readonly stocks: number[] = [];
  private readonly actives: boolean[] = [];
  private readonly shipping: (readonly string[] | null)[] = [];
  private readonly urls: (string | null)[] = [];
  private readonly images: (string | null)[] = [];
  private currentRevision = 0;

  /**
   * @param workspaceId the workspace it holds.
   * @param defaultLanguage the language of products that do not name theirs (the workspace's default).
   */
  constructor(
    readonly workspaceId: string,
    readonly defaultLanguage: string,
  ) {}

  /** Number of products (active or not). */
  get size(): number {
    return this.ids.length;
  }

  /** The catalogue revision this snapshot reflects. */
  get revision(): number {
    return this.currentRevision;
  }

  /** Adds or replaces products and moves the snapshot to `revision`. */
  apply(records: readonly CatalogueRecord[], revision: number = this.currentRevision): void {
    for (const r of records) {
      let i = this.byId.get(r.id);
      if (i === undefined) {
        i = this.ids.length;
        this.ids.push(r.id);
        this.byId.set(r.id, i);
      } else if (this.skus[i] !== r.sku) {
        // A product's sku may change through a direct database edit; the old sku no longer names it.
        if (this.bySku.get(this.skus[i] as string) === i) this.bySku.delete(this.skus[i] as string);
      }
      this.skus[i] = r.sku;
      this.bySku.set(r.sku, i);
      this.names[i] = r.name;
      this.languages[i] = r.language;
      this.translations[i] = Object.keys(r.names).length ? r.names : NO_NAMES;
      this.brands[i] = r.brand;
      this.categories[i] = r.category;
      this.brandKeys[i] = r.brand?.toLowerCase() ?? null;
      this.categoryKeys[i] = r.category?.toLowerCase() ?? null;
      this.prices[i] = r.priceMinor;
      this.currencies[i] = r.currency;
      this.extraPrices[i] = Object.keys(r.prices).length ? r.prices : NO_PRICES;
      this.stocks[i] = r.stock;
      this.actives[i] = r.active;
      this.shipping[i] = r.shipsTo;
      this.urls[i] = r.url;
      this.images[i] = r.imageUrl;
    }
    this.currentRevision = Math.max(this.currentRevision, revision);
  }

  /** Dense index of a product id, if known. */
  indexOf(productId: string): number | undefined {
    return this.byId.get(productId);
  }

  /** Dense index of a sku (exact), if known. */
  indexOfSku(sku: string): number | undefined {
    return this.bySku.get(sku);
  }

  /** Dense index of a product named by id or sku. */
  resolve(ref: CatalogueRef): number | undefined {
    return 'productId' in ref ? this.byId.get(ref.productId) : this.bySku.get(ref.sku);
  }

  /** Product id at index `i`. */
  idAt(i: number): string {
    return this.ids[i] as string;
  }

  /** Sku at index `i`. */
  skuAt(i: number): string {
    return this.skus[i] as string;
  }

  /** Brand at index `i`. */
  brandAt(i: number): string | null {
    return this.brands[i] ?? null;
  }

  /** Category at index `i`. */
  categoryAt(i: number): string | null {
    return this.categories[i] ?? null;
  }

  /** True when the product is active and has stock. */
  isAvailable(i: number): boolean {
    return this.actives[i] === true && (this.stocks[i] ?? 0) > 0;
  }

  /** True when the product ships to `country` (ISO alpha-2; absent: anywhere). */
  shipsTo(i: number, country: string | undefined): boolean {
    return shipsToCountry(this.shipping[i] ?? null, country);
  }

  /** The product's name in `language` (falling back to its own language) and the language it is in. */
  title(i: number, language?: string): { text: string; language: string } {
    const own = { language: this.languages[i] ?? this.defaultLanguage, value: this.names[i] as string };
    const picked = pickText(own, this.translations[i], language);
    return { text: picked.value, language: picked.language };
  }

  /** The product's price in `currency` when the store set one, else its own price (flagged). */
  price(i: number, currency?: string): LocalizedPrice {
    return pickPrice({ amountMinor: this.prices[i] as number, currency: this.currencies[i] as string }, this.extraPrices[i], currency);
  }

  /** The filter normalised once, for {@link matches} over many products. */
  prepare(filter: CatalogueFilter): PreparedFilter {
    return {
      prepared: true,
      availableOnly: filter.availableOnly !== false,
      country: filter.country?.trim().toUpperCase() || undefined,
      categories: folded(filter.categories),
      brands: folded(filter.brands),
      price: filter.price
        ? {
            currency: filter.price.currency.trim().toUpperCase(),
            min: filter.price.minMinor ?? Number.NEGATIVE_INFINITY,
            max: filter.price.maxMinor ?? Number.POSITIVE_INFINITY,
          }
        : undefined,
    };
  }

  /** The product's price in minor units of `currency` (upper case) when it has one there, else undefined. */
  priceIn(i: number, currency: string): number | undefined {
    return this.currencies[i] === currency ? this.prices[i] : this.extraPrices[i]?.[currency];
  }

  /** True when the product passes every condition of the filter (prepare it once when checking many products). */
  matches(i: number, filter: CatalogueFilter | PreparedFilter): boolean {
    const f = 'prepared' in filter ? filter : this.prepare(filter);
    if (f.availableOnly && !(this.actives[i] === true && (this.stocks[i] ?? 0) > 0)) return false;
    if (f.country !== undefined) {
      const countries = this.shipping[i];
      if (countries && !countries.includes(f.country)) return false;
    }
    if (f.categories && !f.categories.has(this.categoryKeys[i] ?? '')) return false;
    if (f.brands && !f.brands.has(this.brandKeys[i] ?? '')) return false;
    if (f.price) {
      const amount = this.priceIn(i, f.price.currency);
      if (amount === undefined || amount < f.price.min || amount > f.price.max) return false;
    }
    return true;
  }

  /** The product at index `i`, localised. */
  item(i: number, options: LocaleOptions = {}): CatalogueItem {
    const title = this.title(i, options.language);
    return {
      id: this.ids[i] as string,
      sku: this.skus[i] as string,
      title: title.text,
      titleLanguage: title.language,
      brand: this.brands[i] ?? null,
      category: this.categories[i] ?? null,
      price: this.price(i, options.currency),
      stock: this.stocks[i] ?? 0,
      inStock: (this.stocks[i] ?? 0) > 0,
      active: this.actives[i] === true,
      shipsTo: this.shipping[i] ?? null,
      url: this.urls[i] ?? null,
      imageUrl: this.images[i] ?? null,
    };
  }

  /** Products by id, localised, in the order asked; unknown ids are left out. */
  getMany(productIds: readonly string[], options: LocaleOptions = {}): CatalogueItem[] {
    const out: CatalogueItem[] = [];
    for (const id of productIds) {
      const i = this.byId.get(id);
      if (i !== undefined) out.push(this.item(i, options));
    }
    return out;
  }

  /** Indices of the products passing the filter, in index order, at most `limit`. */
  select(filter: CatalogueFilter, limit: number = Number.POSITIVE_INFINITY): number[] {
    const prepared = this.prepare(filter);
    const out: number[] = [];
    for (let i = 0; i < this.ids.length && out.length < limit; i++) if (this.matches(i, prepared)) out.push(i);
    return out;
  }
}
