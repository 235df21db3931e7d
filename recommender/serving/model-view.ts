/**
 * A live model seen through a workspace's catalogue: where each model item sits in the catalogue snapshot, which
 * model items may not be shown in a country (the mask the model scores with, so a blend normalises over what may be
 * recommended), the popularity ranking the model carries, and the score and mask buffers a request reuses (one
 * request at a time holds them through {@link ModelView.exclusive}, so one set per model is enough).
 */
import type { CatalogueSnapshot } from '../catalogue';
import { BlendModel } from '../models/blend';
import { PopularityModel } from '../models/popularity';
import type { RecommenderModel } from '../models/recommender-model';
import { topK } from '../models/top-k';

/** How many of the most popular items the popularity ranking keeps per country (more than any answer needs). */
const POPULAR_KEPT = 2000;
const MAX_COUNTRIES = 64;

interface CountryMask {
  revision: number;
  size: number;
  /** 1: the model item may not be recommended in the country (not in the catalogue, or not shown there). */
  excluded: Uint8Array;
}

/** The popular items of the model for a country, best first. */
export interface PopularRanking {
  /** Model item indices. */
  items: Int32Array;
  /** True when the model has interactions from the country itself (not only the global counts). */
  countryKnown: boolean;
}

/** See the file comment. */
export class ModelView {
  /** Scores of the current request (length itemCount). */
  readonly scores: Float32Array;
  /** Excluded items of the current request (length itemCount): the country mask plus the shopper's exclusions. */
  readonly mask: Uint8Array;
  private mapping?: { snapshot: CatalogueSnapshot; size: number; catalogueIndex: Int32Array };
  private readonly masks = new Map<string, CountryMask>();
  private readonly popular = new Map<string, PopularRanking | null>();
  private tail: Promise<void> = Promise.resolve();

  constructor(readonly model: RecommenderModel) {
    this.scores = new Float32Array(model.itemCount);
    this.mask = new Uint8Array(model.itemCount);
  }

  /**
   * Runs `work` once every earlier holder of this view's buffers is done (a promise chain, not a thread lock:
   * scoring may await the native product, and another request must not overwrite the buffers meanwhile).
   */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work);
    this.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Catalogue index of every model item, -1 for items the catalogue does not have (deleted since training). */
  catalogueIndices(snapshot: CatalogueSnapshot): Int32Array {
    const known = this.mapping;
    // Indices are stable for a snapshot's life and products are only added, so only growth can fill a -1.
    if (known && known.snapshot === snapshot && known.size === snapshot.size) return known.catalogueIndex;
    const catalogueIndex = known?.snapshot === snapshot ? known.catalogueIndex : new Int32Array(this.model.itemCount);
    const ids = this.model.itemIds;
    for (let m = 0; m < ids.length; m++) catalogueIndex[m] = snapshot.indexOf(ids[m]!) ?? -1;
    this.mapping = { snapshot, size: snapshot.size, catalogueIndex };
    return catalogueIndex;
  }

  /**
   * Fills {@link mask} with the model items that may not be shown in the country (from the catalogue's shown-bitmap,
   * cached per snapshot state) and returns it; the caller then marks the request's own exclusions.
   */
  prepareMask(snapshot: CatalogueSnapshot, country: string | undefined, shown: Uint8Array): Uint8Array {
    const key = country ?? '';
    let cached = this.masks.get(key);
    if (!cached || cached.revision !== snapshot.revision || cached.size !== snapshot.size) {
      const catalogueIndex = this.catalogueIndices(snapshot);
      const excluded = cached?.excluded ?? new Uint8Array(this.model.itemCount);
      for (let m = 0; m < excluded.length; m++) {
        const c = catalogueIndex[m]!;
        excluded[m] = c < 0 || shown[c] !== 1 ? 1 : 0;
      }
      cached = { revision: snapshot.revision, size: snapshot.size, excluded };
      this.masks.delete(key);
      this.masks.set(key, cached);
      if (this.masks.size > MAX_COUNTRIES) this.masks.delete(this.masks.keys().next().value as string);
    }
    this.mask.set(cached.excluded);
    return this.mask;
  }

  /** The model's popularity ranking for a country (its own, or its blend's popularity component), if it has one. */
  popularity(country: string | undefined): PopularRanking | undefined {
    const key = country ?? '';
    const known = this.popular.get(key);
    if (known !== undefined) return known ?? undefined;
    const model = this.popularityModel();
    let ranking: PopularRanking | null = null;
    if (model) {
      const c = model.countryOf(country);
      const scores = new Float32Array(model.itemCount);
      model.scoreInto(new Int32Array(0), scores, { country: c });
      // Items nobody touched score 0: they are not popular, whatever their place.
      const zero = new Uint8Array(model.itemCount);
      for (let i = 0; i < scores.length; i++) if (!(scores[i]! > 0)) zero[i] = 1;
      ranking = { items: topK(scores, POPULAR_KEPT, zero).items, countryKnown: c >= 0 };
    }
    this.popular.set(key, ranking);
    if (this.popular.size > MAX_COUNTRIES) this.popular.delete(this.popular.keys().next().value as string);
    return ranking ?? undefined;
  }

  private popularityModel(): PopularityModel | undefined {
    if (this.model instanceof PopularityModel) return this.model;
    if (this.model instanceof BlendModel) return this.model.components.find((c): c is PopularityModel => c instanceof PopularityModel);
    return undefined;
  }
}

/** One view per model, dropped with the model when the registry replaces it. */
export class ModelViews {
  private readonly views = new WeakMap<RecommenderModel, ModelView>();

  /** The view of `model`, made on first use. */
  of(model: RecommenderModel): ModelView {
    let view = this.views.get(model);
    if (!view) {
      view = new ModelView(model);
      this.views.set(model, view);
    }
    return view;
  }
}
