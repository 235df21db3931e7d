/**
 * Finds catalogue products in a message: SKUs exactly (case-insensitive), names and aliases fuzzily by weighted
 * token overlap, accent-insensitive, with character bigrams for Chinese, Japanese, Korean and Thai.
 */
import { productTokens, type ProductToken } from './product-text';
import { foldWidthAndDigits } from './text-folding';

/** A catalogue product as the matcher needs it. */
export interface CatalogueProduct {
  id: string;
  sku?: string;
  name: string;
  /** Other names shoppers use, in any language ("AirPods", "苹果耳机"). */
  aliases?: string[];
}

/** A product found in a message. */
export interface ProductMatch {
  productId: string;
  sku?: string;
  /** Catalogue name of the product. */
  name: string;
  /** 1 for a SKU; for names, the share of the best name's weight the message covers, in (0, 1]. */
  score: number;
  /** How it was found. */
  via: 'sku' | 'name';
  /** Span in the message of the SKU or of the matched words (first to last). */
  start: number;
  end: number;
}

/** Tuning of {@link ProductMatcher}. */
export interface ProductMatcherOptions {
  /** Minimum name score. @defaultValue 0.5 */
  threshold?: number;
  /** Most matches returned. @defaultValue 5 */
  limit?: number;
}

/** The catalogue given to {@link ProductMatcher} cannot be indexed; the message says which product to fix. */
export class ProductCatalogError extends Error {
  override readonly name = 'ProductCatalogError';
}

interface Label {
  product: CatalogueProduct;
  /** Distinct tokens of the name or alias, with their weight. */
  weights: Map<string, number>;
  total: number;
}

const SKU_CANDIDATE = /[A-Za-z0-9](?:[A-Za-z0-9_./-]*[A-Za-z0-9])?/g;
const normalizeSku = (sku: string): string => sku.trim().toUpperCase();

/**
 * Matches a product catalogue against shopper messages. Build once per catalogue version; `match` is cheap.
 *
 * Name scoring: every token weighs its inverse document frequency over the catalogue (`ln(1 + N/df)`), so words
 * shared by many products ("shirt", "pro") count little; a name's score is the weight of its tokens found in the
 * message over its total. A match needs `score >= threshold` **and** at least two shared tokens unless the name
 * is a single token: one common word ("shirt") never picks a product.
 * @example
 * const matcher = new ProductMatcher([{ id: 'p1', sku: 'EB-PRO-2', name: 'Wireless Earbuds Pro' }]);
 * matcher.match('my wireless earbuds stopped working')[0]; // { productId: 'p1', score: 0.67, via: 'name', ... }
 */
export class ProductMatcher {
  private readonly bySku = new Map<string, CatalogueProduct>();
  private readonly labels: Label[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly threshold: number;
  private readonly limit: number;

  constructor(products: readonly CatalogueProduct[], options: ProductMatcherOptions = {}) {
    this.threshold = options.threshold ?? 0.5;
    this.limit = options.limit ?? 5;
    const ids = new Set<string>();
    const documentFrequency = new Map<string, number>();
    const tokenSets: Array<[CatalogueProduct, Set<string>[]]> = [];
    for (const product of products) {
      if (!product.id) {
        throw new ProductCatalogError(`A product has no id (name "${product.name}"): give every product a unique id.`);
      }
      if (ids.has(product.id)) {
        throw new ProductCatalogError(`Product id "${product.id}" appears twice: ids must be unique; merge or rename one.`);
      }
      if (!product.name?.trim()) {
        throw new ProductCatalogError(`Product "${product.id}" has an empty name: give it the name shoppers see.`);
      }
      ids.add(product.id);
      if (product.sku?.trim()) this.bySku.set(normalizeSku(product.sku), product);
      const sets = [product.name, ...(product.aliases ?? [])].map(
        (label) => new Set(productTokens(foldWidthAndDigits(label)).map((t) => t.token)),
      );
      for (const token of new Set(sets.flatMap((s) => [...s]))) {
        documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
      }
      tokenSets.push([product, sets]);
    }
    const n = Math.max(products.length, 1);
    for (const [product, sets] of tokenSets) {
      for (const set of sets) {
        if (!set.size) continue;
        const weights = new Map([...set].map((t) => [t, Math.log(1 + n / (documentFrequency.get(t) ?? 1))]));
        const total = [...weights.values()].reduce((a, b) => a + b, 0);
        const labelIndex = this.labels.push({ product, weights, total }) - 1;
        for (const token of set) {
          const list = this.postings.get(token);
          if (list) list.push(labelIndex);
          else this.postings.set(token, [labelIndex]);
        }
      }
    }
  }

  /** Number of products indexed. */
  get size(): number {
    return new Set(this.labels.map((l) => l.product.id)).size;
  }

  /** Products mentioned in `text`, best first (at most `limit`), one match per product. */
  match(text: string): ProductMatch[] {
    const folded = foldWidthAndDigits(text);
    const best = new Map<string, ProductMatch>();
    const keep = (m: ProductMatch): void => {
      const previous = best.get(m.productId);
      if (!previous || m.score > previous.score) best.set(m.productId, m);
    };
    if (this.bySku.size) this.matchSkus(folded, keep);
    if (this.labels.length) this.matchNames(productTokens(folded), keep);
    return [...best.values()].sort((a, b) => b.score - a.score || a.start - b.start).slice(0, this.limit);
  }

  private matchSkus(text: string, keep: (m: ProductMatch) => void): void {
    for (const m of text.matchAll(SKU_CANDIDATE)) {
      const product = this.bySku.get(normalizeSku(m[0]));
      if (product) keep(this.result(product, 1, 'sku', m.index, m.index + m[0].length));
    }
  }

  private matchNames(tokens: readonly ProductToken[], keep: (m: ProductMatch) => void): void {
    const firstSeen = new Map<string, ProductToken>();
    for (const t of tokens) if (!firstSeen.has(t.token)) firstSeen.set(t.token, t);
    const covered = new Map<number, string[]>();
    for (const token of firstSeen.keys()) {
      for (const labelIndex of this.postings.get(token) ?? []) {
        const list = covered.get(labelIndex);
        if (list) list.push(token);
        else covered.set(labelIndex, [token]);
      }
    }
    for (const [labelIndex, shared] of covered) {
      const label = this.labels[labelIndex];
      if (!label || (shared.length < 2 && label.weights.size > 1)) continue;
      const weight = shared.reduce((sum, t) => sum + (label.weights.get(t) ?? 0), 0);
      const score = Math.round((weight / label.total) * 1000) / 1000;
      if (score < this.threshold) continue;
      const spans = shared.map((t) => firstSeen.get(t) as ProductToken);
      const start = Math.min(...spans.map((s) => s.start));
      const end = Math.max(...spans.map((s) => s.end));
      keep(this.result(label.product, score, 'name', start, end));
    }
  }

  private result(product: CatalogueProduct, score: number, via: ProductMatch['via'], start: number, end: number): ProductMatch {
    const match: ProductMatch = { productId: product.id, name: product.name, score, via, start, end };
    if (product.sku) match.sku = product.sku;
    return match;
  }
}
