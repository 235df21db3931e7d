/**
 * Top-N recommendations for a shopper, a session or a seed product, with the store's business rules applied
 * (see serving-types.ts for the contract). One request:
 * 1. reads the catalogue snapshot, the shopper's history (every channel and device, plus the session's products) and
 *    the workspace's live model, concurrently;
 * 2. scores every model item once into a reused buffer, masked by a per-country bitmap of what may be shown (cached
 *    per catalogue revision), so a blend normalises over recommendable items only;
 * 3. offers candidates to the {@link AnswerBuilder} in order of preference: the model's ranking (over-fetched by top-k
 *    selection and widened until the rules are satisfied, never a full sort), catalogue content similarity for
 *    products the model does not know (new products), popularity in the country, then catalogue order;
 * 4. when the narrowing rules (price, category, brand) leave nothing, relaxes them (never stock, activity or
 *    shipping) and says so; an unknown shopper gets popular products; nothing short of an empty catalogue gives an
 *    empty answer, and a failing history or model read degrades to popularity instead of failing the request;
 * 5. explains each product in the request's language (the model's strongest history item, the seed, or popularity).
 */
import type { Logger } from 'pino';
import type { TextEmbedder } from '../../nlu/intents';
import type { CatalogueCache, CatalogueSnapshot } from '../catalogue';
import type { EventStore } from '../events';
import type { RecommenderModel, ScoringContext } from '../models/recommender-model';
import { topK } from '../models/top-k';
import { AnswerBuilder, relaxations, type NarrowingRules, type Candidate } from './answer-builder';
import { CatalogueEligibility } from './catalogue-eligibility';
import { ContentSimilarity } from './content-similarity';
import type { PopularitySource } from './event-popularity';
import { ModelViews, type ModelView } from './model-view';
import { fillReason, reasonTexts, type ReasonTexts } from './reason-texts';
import { RuleColumnCache, type RuleColumns } from './rule-columns';
import type { RecommendationQuery, RecommendationReason, RecommendationResult, RecommendationService, RecommendedProduct } from './serving-types';
import { loadShopperHistory, type ShopperHistory } from './shopper-history';

/** What the service is built from. */
export interface RecommendationServiceDeps {
  catalogue: CatalogueCache;
  events: EventStore;
  /** The workspace's live model (undefined before its first training). */
  liveModel: (workspaceId: string) => Promise<RecommenderModel | undefined>;
  /** Popular products from the event log, for workspaces whose model has no popularity (or no model yet). */
  popularity?: PopularitySource;
  /** Told when the history, the model or popularity could not be read (the answer then does without). */
  logger?: Pick<Logger, 'warn'>;
  /** The clock. @defaultValue () => new Date() */
  now?: () => Date;
  /** The sentence-embedding model: content similarity for products the model does not know uses it (see ContentSimilarity). */
  embedder?: TextEmbedder;
}

/** Default number of products. */
export const DEFAULT_LIMIT = 4;
/** Most products one request may ask for. */
export const MAX_LIMIT = 50;
/** Default most products of one brand. */
export const DEFAULT_MAX_PER_BRAND = 2;
/** The model is asked for this many times the products wanted, then more while the rules leave too few. */
const OVERFETCH = 10;
const MIN_FETCH = 64;
/** Most recent history products whose text anchors content similarity (weights halve with age). */
const CONTENT_ANCHORS = 3;
/** Mark of a model item the current rules refuse (1 marks items never recommendable in this request). */
const RULE_MASKED = 2;

/** Everything one request decided before picking. */
interface Request {
  snapshot: CatalogueSnapshot;
  shown: Uint8Array;
  columns: RuleColumns;
  country: string | undefined;
  limit: number;
  maxPerBrand: number;
  texts: ReasonTexts;
  language: string | undefined;
  /** Catalogue index of the seed product ("similar to this"), when it is in the catalogue. */
  seed: number | undefined;
  /** Catalogue indices of the history, oldest first. */
  history: number[];
  blocked: Set<number>;
  /** The live model's view, when there is a model. */
  view?: ModelView;
  scored?: Scored;
  /** Content anchors (seed, or recent history items the model does not know). */
  anchors: { index: number; weight: number }[];
  modelPopular?: { items: Int32Array; countryKnown: boolean };
  logPopular?: { inCountry: readonly string[]; overall: readonly string[] };
}

/** The model's scoring of one request. */
interface Scored {
  view: ModelView;
  history: Int32Array;
  context: ScoringContext;
  catalogueIndex: Int32Array;
}

/** See the file comment. */
class RecommenderServing implements RecommendationService {
  private readonly eligibility = new CatalogueEligibility();
  private readonly views = new ModelViews();
  private readonly columns = new RuleColumnCache();
  private readonly content: ContentSimilarity;

  constructor(private readonly deps: RecommendationServiceDeps) {
    const now = deps.now ?? (() => new Date());
    this.content = new ContentSimilarity({
      now: () => now().getTime(),
      ...(deps.embedder ? { embedder: deps.embedder } : {}),
      onEmbeddingError: (error) => deps.logger?.warn({ err: error }, 'catalogue embeddings unavailable; content similarity by TF-IDF meanwhile'),
    });
  }

  async recommend(query: RecommendationQuery): Promise<RecommendationResult> {
    const { workspaceId } = query;
    const [snapshot, history, model] = await Promise.all([
      this.deps.catalogue.get(workspaceId),
      loadShopperHistory(this.deps.events, workspaceId, query.subject).catch((error: unknown): ShopperHistory => {
        // Recommendations without the history beat no recommendations: popular products still fit the rules.
        this.deps.logger?.warn({ err: error, workspaceId }, 'shopper history unavailable; recommending without it');
        return { products: [], purchased: new Set() };
      }),
      this.deps.liveModel(workspaceId).catch((error: unknown) => {
        this.deps.logger?.warn({ err: error, workspaceId }, 'live recommender model unavailable; recommending by popularity');
        return undefined;
      }),
    ]);
    const country = query.country?.trim().toUpperCase() || undefined;
    const view = model ? this.views.of(model) : undefined;
    const modelPopular = view?.popularity(country);
    const logPopular = modelPopular ? undefined : await this.logPopularity(workspaceId, country);
    // The view's score and mask buffers are shared by every request on this model: one request at a time uses them
    // (scoring may await the native product), and everything after the scoring is synchronous.
    if (!view) return this.answer(query, snapshot, history, country, model, modelPopular, logPopular, undefined);
    return view.exclusive(() => this.answer(query, snapshot, history, country, model, modelPopular, logPopular, view));
  }

  private async answer(
    query: RecommendationQuery,
    snapshot: CatalogueSnapshot,
    history: ShopperHistory,
    country: string | undefined,
    model: RecommenderModel | undefined,
    modelPopular: Request['modelPopular'],
    logPopular: Request['logPopular'],
    view: ModelView | undefined,
  ): Promise<RecommendationResult> {
    const request = this.prepare(query, snapshot, history, country, modelPopular, logPopular);
    if (view) {
      request.view = view;
      const scored = await this.score(view, request, history, query.seedProductId);
      if (scored) request.scored = scored;
    }
    let relaxed = false;
    let builder: AnswerBuilder | undefined;
    const stages = relaxations(query.rules, query.currency);
    for (const [stage, rules] of stages.entries()) {
      builder = this.pick(request, rules, request.blocked);
      if (builder.picks.length) {
        relaxed = stage > 0;
        break;
      }
    }
    if (!builder?.picks.length) {
      // Last resort before an empty answer: products the shopper bought or viewed (never those asked to exclude,
      // nor the seed itself).
      const excluded = this.indices(snapshot, query.rules?.excludeProductIds ?? []);
      if (request.seed !== undefined) excluded.add(request.seed);
      builder = this.pick(request, stages[stages.length - 1]!, excluded);
      relaxed = stages.length > 1 || builder.picks.length > 0;
    }
    return {
      products: builder.picks.map((pick) => this.present(request, pick, query)),
      model: model ? { kind: model.kind, version: model.version } : { kind: 'popularity-fallback', version: null },
      relaxed,
    };
  }

  private async logPopularity(workspaceId: string, country: string | undefined): Promise<Request['logPopular']> {
    if (!this.deps.popularity) return undefined;
    try {
      return await this.deps.popularity.popular(workspaceId, country);
    } catch (error) {
      this.deps.logger?.warn({ err: error, workspaceId }, 'event popularity unavailable; falling back to catalogue order');
      return undefined;
    }
  }

  private indices(snapshot: CatalogueSnapshot, ids: Iterable<string>): Set<number> {
    const out = new Set<number>();
    for (const id of ids) {
      const i = snapshot.indexOf(id);
      if (i !== undefined) out.add(i);
    }
    return out;
  }

  private prepare(
    query: RecommendationQuery,
    snapshot: CatalogueSnapshot,
    history: ShopperHistory,
    country: string | undefined,
    modelPopular: Request['modelPopular'],
    logPopular: Request['logPopular'],
  ): Request {
    const seed = query.seedProductId ? snapshot.indexOf(query.seedProductId) : undefined;
    const historyIndices = [...this.indices(snapshot, history.products)];
    const blocked = this.indices(snapshot, query.rules?.excludeProductIds ?? []);
    const purchased = this.indices(snapshot, history.purchased);
    // What the shopper saw is not shown again; what they bought only when they may buy it again.
    const mayRepeat = query.rules?.includePurchased === true;
    for (const i of historyIndices) if (!(mayRepeat && purchased.has(i))) blocked.add(i);
    if (!mayRepeat) for (const i of purchased) blocked.add(i);
    if (seed !== undefined) blocked.add(seed);
    const requested = Math.trunc(query.limit ?? DEFAULT_LIMIT);
    return {
      snapshot,
      shown: this.eligibility.shown(snapshot, country).shown,
      columns: this.columns.of(snapshot),
      country,
      limit: Math.min(Math.max(Number.isFinite(requested) ? requested : DEFAULT_LIMIT, 1), MAX_LIMIT),
      maxPerBrand: Math.max(1, Math.trunc(query.rules?.maxPerBrand ?? DEFAULT_MAX_PER_BRAND)),
      texts: reasonTexts(query.language),
      language: query.language,
      seed,
      history: historyIndices,
      blocked,
      anchors: [],
      ...(modelPopular ? { modelPopular } : {}),
      ...(logPopular ? { logPopular } : {}),
    };
  }

  /** Scores the model items for the request's history (or seed) and picks the content anchors the model lacks. */
  private async score(view: ModelView, request: Request, history: ShopperHistory, seedId: string | undefined): Promise<Scored | undefined> {
    const { model } = view;
    const { snapshot } = request;
    const ids = request.seed !== undefined && seedId ? [seedId] : history.products;
    const encoded = model.encodeHistory(ids);
    request.anchors = this.contentAnchors(request, (i) => model.indexOf(snapshot.idAt(i)) === undefined);
    if (!encoded.length) return undefined;
    const mask = view.prepareMask(snapshot, request.country, request.shown);
    for (const i of request.blocked) {
      const m = model.indexOf(snapshot.idAt(i));
      if (m !== undefined) mask[m] = 1;
    }
    const context: ScoringContext = { excluded: mask, country: model.countryOf(request.country) };
    await model.scoreOne(encoded, view.scores, context);
    return { view, history: encoded, context, catalogueIndex: view.catalogueIndices(snapshot) };
  }

  /** The seed, or the most recent history products, that `needsContent` says the model cannot rank from. */
  private contentAnchors(request: Request, needsContent: (i: number) => boolean): { index: number; weight: number }[] {
    if (request.seed !== undefined) return needsContent(request.seed) ? [{ index: request.seed, weight: 1 }] : [];
    const recent = request.history.slice(-CONTENT_ANCHORS).reverse();
    return recent.filter(needsContent).map((index, age) => ({ index, weight: 0.5 ** age }));
  }

  /** Fills an answer from the sources, best first, under one set of narrowing rules. */
  private pick(request: Request, rules: NarrowingRules, blocked: ReadonlySet<number>): AnswerBuilder {
    const builder = new AnswerBuilder(request.snapshot, request.shown, blocked, rules, request.columns, request.limit, request.maxPerBrand);
    if (request.scored) this.fromModel(request.scored, builder);
    if (!builder.full && !request.scored && !request.anchors.length) {
      // No model item to start from: the seed or the history is all new to the model (or there is no model).
      request.anchors = this.contentAnchors(request, () => true);
    }
    if (!builder.full && request.anchors.length) this.fromContent(request, builder);
    if (!builder.full) this.fromPopularity(request, builder);
    for (let i = 0; i < request.snapshot.size && !builder.full; i++) builder.offer({ index: i, score: 0, source: 'catalogue' });
    return builder;
  }

  /**
   * The model's best items: top-k over the masked scores, `limit` x {@link OVERFETCH} first; when the rules turn too
   * many away, the items they refuse are masked once (one pass) and the selection widens until the answer is full
   * or the model has nothing more with a positive score.
   */
  private fromModel(scored: Scored, builder: AnswerBuilder): void {
    const { view, catalogueIndex } = scored;
    const n = view.model.itemCount;
    const mask = view.mask;
    let k = Math.min(n, Math.max(MIN_FETCH, builder.limit * OVERFETCH));
    let narrowed = false;
    try {
      for (;;) {
        const best = topK(view.scores, k, mask);
        for (let r = 0; r < best.items.length; r++) {
          if (!(best.scores[r]! > 0)) return;
          const item = best.items[r]!;
          const index = catalogueIndex[item]!;
          if (index >= 0) builder.offer({ index, score: best.scores[r]!, modelItem: item, source: 'model' });
          if (builder.full) return;
        }
        if (best.items.length < k || k >= n) return;
        if (!narrowed) {
          // This request's rules are narrow: check each item once rather than selecting ever more candidates.
          // Marked 2 (not 1) so a relaxed retry can take the mark off again.
          for (let m = 0; m < n; m++) if (mask[m] === 0 && !builder.passesRules(catalogueIndex[m]!)) mask[m] = RULE_MASKED;
          narrowed = true;
        }
        k = Math.min(n, k * 8);
      }
    } finally {
      if (narrowed) for (let m = 0; m < n; m++) if (mask[m] === RULE_MASKED) mask[m] = 0;
    }
  }

  private fromContent(request: Request, builder: AnswerBuilder): void {
    for (const similar of this.content.similar(request.snapshot, request.anchors)) {
      if (builder.offer({ index: similar.index, score: similar.score, because: similar.anchor, source: 'content' }) && builder.full) return;
    }
  }

  private fromPopularity(request: Request, builder: AnswerBuilder): void {
    const { modelPopular, logPopular, scored } = request;
    // modelPopular comes from the request's model view, so `view` is set whenever it is.
    if (modelPopular) {
      const catalogueIndex = scored?.catalogueIndex ?? request.view!.catalogueIndices(request.snapshot);
      const inCountry = modelPopular.countryKnown && request.country !== undefined;
      for (let r = 0; r < modelPopular.items.length && !builder.full; r++) {
        const index = catalogueIndex[modelPopular.items[r]!]!;
        if (index >= 0) builder.offer({ index, score: 0, source: 'popular', popularInCountry: inCountry });
      }
    }
    if (logPopular) {
      for (const id of logPopular.inCountry) {
        const index = request.snapshot.indexOf(id);
        if (index !== undefined && builder.offer({ index, score: 0, source: 'popular', popularInCountry: true }) && builder.full) return;
      }
      for (const id of logPopular.overall) {
        const index = request.snapshot.indexOf(id);
        if (index !== undefined && builder.offer({ index, score: 0, source: 'popular', popularInCountry: false }) && builder.full) return;
      }
    }
  }

  /** The product localised, with its explanation. */
  private present(request: Request, pick: Candidate, query: RecommendationQuery): RecommendedProduct {
    return {
      product: request.snapshot.item(pick.index, { ...(query.language ? { language: query.language } : {}), ...(query.currency ? { currency: query.currency } : {}) }),
      score: pick.score,
      reason: this.reason(request, pick),
    };
  }

  private reason(request: Request, pick: Candidate): RecommendationReason {
    const { texts, snapshot } = request;
    const about = (kind: RecommendationReason['kind'], template: string, index: number): RecommendationReason => ({
      kind,
      text: fillReason(template, snapshot.title(index, request.language).text),
      productId: snapshot.idAt(index),
    });
    if (pick.source === 'model' && request.scored && pick.modelItem !== undefined) {
      if (request.seed !== undefined) return about('similar', texts.similarTo, request.seed);
      const because = this.strongestHistoryItem(request.scored, pick.modelItem);
      const index = because === undefined ? undefined : snapshot.indexOf(request.scored.view.model.itemIds[because]!);
      if (index !== undefined) return about('history', texts.becauseYouLooked, index);
      return { kind: 'history', text: texts.forYou };
    }
    if (pick.source === 'content' && pick.because !== undefined) {
      return pick.because === request.seed ? about('content', texts.similarTo, pick.because) : about('content', texts.becauseYouLooked, pick.because);
    }
    if (pick.source === 'popular') return { kind: 'popular', text: pick.popularInCountry ? texts.popularInCountry : texts.popularNow };
    return { kind: 'popular', text: texts.fromCatalogue };
  }

  /** The history item (model index) that contributed most to `item`'s score, as RecommenderModel.recommend explains. */
  private strongestHistoryItem(scored: Scored, item: number): number | undefined {
    const parts = scored.view.model.contributions(scored.history, item, scored.context);
    let top = -1;
    for (let h = 0; h < parts.length; h++) if (parts[h]! > 0 && (top < 0 || parts[h]! > parts[top]!)) top = h;
    return top >= 0 ? scored.history[top] : undefined;
  }
}

/**
 * Builds the serving service.
 * @example
 * const serving = createRecommendationService({ catalogue, events, liveModel: (ws) => registry.live(ws) });
 * const { products } = await serving.recommend({ workspaceId, subject: { customerId }, country: 'ES', language: 'es', limit: 4 });
 */
export function createRecommendationService(deps: RecommendationServiceDeps): RecommendationService {
  return new RecommenderServing(deps);
}
