/**
 * The business rules of one request, applied to candidates as the sources offer them (model ranking, content
 * similarity, popularity, catalogue order): shown in the country (active, in stock, ships there: never relaxed),
 * not blocked (asked to exclude, already bought, the seed, the history), the request's price range, categories and
 * brands (relaxable, see {@link relaxations}), and at most `maxPerBrand` products of one brand. The first
 * candidates to pass fill the answer; a candidate offered twice counts once.
 */
import type { CatalogueSnapshot } from '../catalogue';
import type { RuleColumns } from './rule-columns';
import type { RecommendationReason, RecommendationRules } from './serving-types';

/** The relaxable rules, normalised once. */
export interface NarrowingRules {
  /** Upper-case currency the price bounds are in; absent: each product's own. */
  currency?: string;
  minPrice: number;
  maxPrice: number;
  categories?: ReadonlySet<string>;
  brands?: ReadonlySet<string>;
}

/** A picked product before it is localised. */
export interface Candidate {
  index: number;
  score: number;
  /** Filled in for the whole answer once picking is over (explanations need the model's last scoring). */
  reason?: RecommendationReason;
  /** Model item index when the model proposed it (its explanation is computed from the model). */
  modelItem?: number;
  /** Catalogue index of the product behind the reason. */
  because?: number;
  source: 'model' | 'content' | 'popular' | 'catalogue';
  popularInCountry?: boolean;
}

const folded = (list: readonly string[] | undefined): ReadonlySet<string> | undefined =>
  list?.length ? new Set(list.map((entry) => entry.trim().toLowerCase())) : undefined;

/** The request's narrowing rules, then the looser sets tried in turn when they leave nothing: no price, then none. */
export function relaxations(rules: RecommendationRules | undefined, currency: string | undefined): NarrowingRules[] {
  const strict: NarrowingRules = {
    ...(currency ? { currency: currency.trim().toUpperCase() } : {}),
    minPrice: rules?.price?.minMinor ?? Number.NEGATIVE_INFINITY,
    maxPrice: rules?.price?.maxMinor ?? Number.POSITIVE_INFINITY,
    ...(folded(rules?.categories) ? { categories: folded(rules?.categories)! } : {}),
    ...(folded(rules?.brands) ? { brands: folded(rules?.brands)! } : {}),
  };
  const hasPrice = strict.minPrice > Number.NEGATIVE_INFINITY || strict.maxPrice < Number.POSITIVE_INFINITY;
  const none: NarrowingRules = { minPrice: Number.NEGATIVE_INFINITY, maxPrice: Number.POSITIVE_INFINITY };
  const out = [strict];
  // Keep what the shopper asked for ("shoes") longer than what they can spend.
  if (hasPrice && (strict.categories || strict.brands)) out.push({ ...strict, minPrice: none.minPrice, maxPrice: none.maxPrice });
  if (hasPrice || strict.categories || strict.brands) out.push(none);
  return out;
}

/** See the file comment. */
export class AnswerBuilder {
  readonly picks: Candidate[] = [];
  private readonly taken = new Set<number>();
  private readonly perBrand = new Map<number, number>();
  private readonly categories: ReadonlySet<number> | undefined;
  private readonly brands: ReadonlySet<number> | undefined;
  private readonly prices: Float64Array | undefined;
  private readonly minPrice: number;
  private readonly maxPrice: number;

  constructor(
    private readonly snapshot: CatalogueSnapshot,
    /** The country's shown-bitmap (catalogue indices). */
    private readonly shown: Uint8Array,
    /** Catalogue indices never to return. */
    private readonly blocked: ReadonlySet<number>,
    rules: NarrowingRules,
    private readonly columns: RuleColumns,
    readonly limit: number,
    private readonly maxPerBrand: number,
  ) {
    // Names no product has match nothing (an id of -2 is never a product's).
    const ids = (names: ReadonlySet<string> | undefined, lookup: (name: string) => number | undefined) =>
      names ? new Set([...names].map((name) => lookup(name) ?? -2)) : undefined;
    this.categories = ids(rules.categories, columns.categoryId);
    this.brands = ids(rules.brands, columns.brandId);
    const priced = rules.minPrice > Number.NEGATIVE_INFINITY || rules.maxPrice < Number.POSITIVE_INFINITY;
    this.prices = priced ? columns.prices(rules.currency) : undefined;
    this.minPrice = rules.minPrice;
    this.maxPrice = rules.maxPrice;
  }

  /** True once the answer has `limit` products. */
  get full(): boolean {
    return this.picks.length >= this.limit;
  }

  /** Whether product `i` passes the price, category and brand rules (what {@link relaxations} may drop). */
  passesRules(i: number): boolean {
    if (this.categories && !this.categories.has(this.columns.categoryIds[i]!)) return false;
    if (this.brands && !this.brands.has(this.columns.brandIds[i]!)) return false;
    if (this.prices) {
      // NaN (no price in the currency) fails both comparisons' negation, so it is refused.
      const amount = this.prices[i]!;
      if (!(amount >= this.minPrice && amount <= this.maxPrice)) return false;
    }
    return true;
  }

  /** Whether product `i` passes every rule (diversity included) now. */
  accepts(i: number): boolean {
    if (this.taken.has(i) || this.blocked.has(i) || this.shown[i] !== 1) return false;
    // The bitmap may be a refresh behind; the product itself is the truth.
    if (!this.snapshot.isAvailable(i) || !this.passesRules(i)) return false;
    const brand = this.columns.brandIds[i]!;
    return brand < 0 || (this.perBrand.get(brand) ?? 0) < this.maxPerBrand;
  }

  /** Adds the product when it passes; returns true when it was added. */
  offer(pick: Candidate): boolean {
    if (this.full || !this.accepts(pick.index)) return false;
    this.taken.add(pick.index);
    const brand = this.columns.brandIds[pick.index]!;
    if (brand >= 0) this.perBrand.set(brand, (this.perBrand.get(brand) ?? 0) + 1);
    this.picks.push(pick);
    return true;
  }
}
