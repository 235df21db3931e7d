/**
 * The one face of every recommender model: a trainer fits a model from {@link InteractionData} into a versioned,
 * serialisable artefact (with its evaluation metrics filled in by the training run), a loader reads it back, and
 * the model recommends for a shopper's history. Item ids are strings here; inside, models score dense indices
 * into typed arrays.
 */
import type { InteractionData } from '../data/interaction-data';
import { topK } from './top-k';

/** Ranking quality on held-out next items (leave-one-out), as the training run measured it. */
export interface RecommenderMetrics {
  hr10: number;
  ndcg10: number;
  hr20: number;
  ndcg20: number;
  /** Users the figures are measured on. */
  users: number;
  /** Which held-out item: `validation` (each user's last training item, when training for serving). */
  split: string;
}

/** One recommended item. */
export interface Recommendation {
  item: string;
  score: number;
  /** The history item that contributed most to this item's score ("because you looked at ..."), when one did. */
  because?: string;
}

/** What a recommendation is for. */
export interface RecommendRequest {
  /** The shopper's item ids in time order, oldest first (several sessions and channels merged). Unknown ids are ignored. */
  history: readonly string[];
  /** How many items to return. */
  k: number;
  /** Items never to return (bought already, out of stock...). The history's items are excluded too unless {@link includeHistory}. */
  exclude?: Iterable<string>;
  /** Allow items of the history to be recommended again. @defaultValue false */
  includeHistory?: boolean;
  /** The shopper's country (ISO 3166 alpha-2), for per-country popularity. */
  country?: string;
}

/** Per-request state a model scores with. */
export interface ScoringContext {
  /** Items that will not be ranked (non-zero); normalising models ignore them. */
  excluded?: Uint8Array;
  /** Country index in the training data, -1 or absent when unknown. */
  country?: number;
}

/** Progress, cancellation and warm start of a training run. */
export interface FitOptions {
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /**
   * An earlier model of the same kind over the same item index (e.g. fitted before the newest interactions were
   * added); iterative models start from it and need fewer sweeps. Others ignore it.
   */
  warmStart?: RecommenderModel;
}

/** The error thrown when a training run is cancelled through its signal. */
export class TrainingCancelledError extends Error {
  override readonly name = 'TrainingCancelledError';
  constructor() {
    super('Recommender training was cancelled');
  }
}

/** Throws {@link TrainingCancelledError} when `control` says so. */
export function checkCancelled(control?: FitOptions): void {
  if (control?.signal?.aborted) throw new TrainingCancelledError();
}

/**
 * Base of every model: turns a request into dense indices, asks the model for scores of all items, excludes,
 * selects the top k and explains each with the history item that contributed most.
 */
export abstract class RecommenderModel<P = unknown> {
  /** Registry name of the algorithm, e.g. `item-knn`. */
  abstract readonly kind: string;
  /** Layout version of this kind's artefact. */
  abstract readonly version: number;
  /** Ranking quality measured by the training run (absent when the model was fitted without evaluation). */
  metrics?: RecommenderMetrics;
  private index?: Map<string, number>;
  private countryIndex?: Map<string, number>;
  private buffer?: Float32Array;

  protected constructor(
    /** Item id of each dense index. */
    readonly itemIds: readonly string[],
    /** Country code of each country index the model knows. */
    readonly countries: readonly string[],
    /** The hyperparameters it was fitted with. */
    readonly params: P,
  ) {}

  /** Number of items the model ranks. */
  get itemCount(): number {
    return this.itemIds.length;
  }

  /**
   * Writes a score for every item into `out` (length {@link itemCount}); higher is better. `history` holds item
   * indices in time order.
   */
  abstract scoreInto(history: Int32Array, out: Float32Array, context: ScoringContext): void;

  /**
   * Index lists that together hold every item this model can score above 0 for `history` (repeats allowed), when
   * they are much shorter than the catalogue (a neighbour model touches only the neighbours of the shopper's
   * items); undefined: any item may score. Lets a blend normalise and add this model's scores without walking every
   * item of a 100,000-product catalogue.
   */
  scoringSupport(_history: Int32Array): readonly Int32Array[] | undefined {
    return undefined;
  }

  /**
   * Scores one history for serving: as {@link scoreInto}, but a model whose scoring is one large product may run it
   * natively off the JavaScript thread (see AlsModel). Callers that share `out` or the model's buffers between
   * requests must not start another call on the same model before this one settles.
   */
  async scoreOne(history: Int32Array, out: Float32Array, context: ScoringContext): Promise<void> {
    this.scoreInto(history, out, context);
  }

  /**
   * Scores several histories at once: row `b` of `out` (histories.length x itemCount) as {@link scoreInto} would
   * write it for `histories[b]`. Models with a faster batched path (a native matrix product) override it.
   */
  async scoreBatch(histories: readonly Int32Array[], contexts: readonly ScoringContext[], out: Float32Array): Promise<void> {
    const n = this.itemCount;
    histories.forEach((history, b) => this.scoreInto(history, out.subarray(b * n, (b + 1) * n), contexts[b]!));
  }

  /** How much each history position contributed to `item`'s score (same length as `history`). */
  abstract contributions(history: Int32Array, item: number, context: ScoringContext): Float64Array;

  /** The versioned artefact ({@link load} of the same kind reads it back). */
  abstract serialize(): Buffer;

  /**
   * The same fitted model with other values of its trainer's scoring-only hyperparameters (nothing is copied).
   * @throws Error for a kind without such parameters.
   */
  withParams(_params: P): RecommenderModel<P> {
    throw new Error(`The ${this.kind} model has no scoring-only hyperparameters`);
  }

  /** Dense index of an item id. */
  indexOf(itemId: string): number | undefined {
    if (!this.index) this.index = new Map(this.itemIds.map((id, i) => [id, i]));
    return this.index.get(itemId);
  }

  /** Country index of a country code, -1 when the model has none for it. */
  countryOf(country: string | undefined): number {
    if (!country) return -1;
    if (!this.countryIndex) this.countryIndex = new Map(this.countries.map((c, i) => [c, i]));
    return this.countryIndex.get(country) ?? -1;
  }

  /** Item indices of a history, unknown items dropped. */
  encodeHistory(history: readonly string[]): Int32Array {
    const out: number[] = [];
    for (const id of history) {
      const i = this.indexOf(id);
      if (i !== undefined) out.push(i);
    }
    return Int32Array.from(out);
  }

  /** See {@link RecommendRequest}. Returns at most `k` items, best first; fewer only when fewer may be recommended. */
  recommend(request: RecommendRequest): Recommendation[] {
    const history = this.encodeHistory(request.history);
    const excluded = new Uint8Array(this.itemCount);
    if (!request.includeHistory) for (const i of history) excluded[i] = 1;
    for (const id of request.exclude ?? []) {
      const i = this.indexOf(id);
      if (i !== undefined) excluded[i] = 1;
    }
    const context: ScoringContext = { excluded, country: this.countryOf(request.country) };
    if (this.buffer?.length !== this.itemCount) this.buffer = new Float32Array(this.itemCount);
    const scores = this.buffer;
    this.scoreInto(history, scores, context);
    const best = topK(scores, request.k, excluded);
    const result: Recommendation[] = [];
    for (let r = 0; r < best.items.length; r++) {
      const item = best.items[r]!;
      const recommendation: Recommendation = { item: this.itemIds[item]!, score: best.scores[r]! };
      if (history.length) {
        const parts = this.contributions(history, item, context);
        let top = -1;
        for (let h = 0; h < parts.length; h++) if (parts[h]! > 0 && (top < 0 || parts[h]! > parts[top]!)) top = h;
        if (top >= 0) recommendation.because = this.itemIds[history[top]!]!;
      }
      result.push(recommendation);
    }
    return result;
  }
}

/** Fits and loads one kind of model. */
export interface RecommenderTrainer<P = unknown> {
  /** Registry name, e.g. `item-knn`. */
  readonly kind: string;
  /** Hyperparameters used when none are given. */
  readonly defaults: P;
  /** Values the validation search tries for each hyperparameter (coordinate ascent from the defaults). */
  readonly searchSpace: { readonly [K in keyof P]?: readonly P[K][] };
  /** Hyperparameters that only change scoring, so trying them needs no refit ({@link RecommenderModel.withParams}). */
  readonly scoringParams: readonly (keyof P)[];
  /** Fits a model on `data` (no evaluation: see `trainRecommender` for the run that fills in metrics). */
  fit(data: InteractionData, params: P, control?: FitOptions): Promise<RecommenderModel<P>>;
  /** Reads an artefact back. @throws RecommenderArtefactError when it is not this kind's. */
  load(artefact: Uint8Array): RecommenderModel<P>;
}

/** Gives the event loop a turn (so progress, cancellation and other work proceed during long fits). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Recency weight of each history position: the last item weighs 1, each older one `decay` times the next. */
export function recencyWeights(length: number, decay: number, maxLength: number): Float64Array {
  const w = new Float64Array(length);
  let weight = 1;
  for (let t = length - 1; t >= 0 && length - 1 - t < maxLength; t--) {
    w[t] = weight;
    weight *= decay;
  }
  return w;
}
