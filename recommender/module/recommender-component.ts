/**
 * The recommender as a trainable component of the model registry (platform/models/trainable-component.ts), so the
 * training queue trains, versions and promotes it like every other learned part:
 * - `collect(workspaceId)`: the workspace's interaction events as per-shopper sequences (every device and channel
 *   merged, see EventExporter) plus the catalogue's texts and attributes for the content model, fingerprinted;
 * - `train`: {@link trainRecommender} (the blend tuned on the validation split), with progress and cancellation;
 *   the validation figures are stored with the artefact;
 * - `load`: any recommender artefact.
 * With a sentence-embedding model configured (`embedder`), `train` first embeds every catalogue text through it (the
 * transformer runtime runs the model in worker threads, so the event loop stays free) and the blend's content
 * component is `content-embedding` instead of `content-tfidf`.
 * A workspace with fewer than `minTrainingUsers` shoppers of two items or more gets a popularity model: a blend tuned
 * on a handful of validation targets would be chance, and popularity never fails and never answers empty (products
 * without any event still rank, after those with events).
 */
import { createHash } from 'node:crypto';
import type { TrainableComponent, TrainedArtefact, TrainingControl, TrainingSet } from '../../platform/models/trainable-component';
import { InteractionData, type ItemContent, type UserSequence } from '../data/interaction-data';
import { BLEND_KIND } from '../models/blend';
import { POPULARITY_KIND } from '../models/popularity';
import { embeddingText, type EmbeddedItemContent } from '../models/content-embedding';
import { contentEmbeddingBlend, loadRecommender } from '../models/registry';
import { checkCancelled } from '../models/recommender-model';
import type { TextEmbedder } from '../../nlu/intents';
import type { RecommenderModel } from '../models/recommender-model';
import { trainRecommender, type TrainRecommenderOptions } from '../training/train-recommender';
import type { CatalogueStore } from '../catalogue';
import { collectSequences, type EventExporter } from '../events';

/** Registry name of the recommender component. */
export const RECOMMENDER_COMPONENT = 'recommender';

/** Bumped when what a version is trained from changes meaning (same events, different model). */
const TRAINING_LAYOUT = 1;

/** What one training run of a workspace sees. */
export interface RecommenderTrainingData {
  workspaceId: string;
  /** Per-shopper item sequences, oldest item first. */
  sequences: UserSequence[];
  /** Every product's text and attribute tokens (products without events included: the content model uses them). */
  catalogue: ItemContent[];
  /** Shoppers with at least two items (the ones a validation target can be held out for). */
  shoppers: number;
}

/** Metrics stored with every recommender version (validation split: each shopper's last item). */
export interface RecommenderVersionMetrics extends Record<string, unknown> {
  hr10: number;
  ndcg10: number;
  hr20: number;
  ndcg20: number;
  /** Shoppers the figures are measured on. */
  users: number;
  split: 'validation';
  trainSeconds: number;
  /** Items the model ranks (with catalogue products that have no events yet). */
  items: number;
  /** Shoppers with at least two items in the training data. */
  shoppers: number;
  kind: string;
}

/** Settings of {@link RecommenderComponent}. */
export interface RecommenderComponentDeps {
  exporter: Pick<EventExporter, 'sequences'>;
  catalogueStore: Pick<CatalogueStore, 'itemContents'>;
  /** Shoppers (two items or more) below which a popularity model is trained instead of the blend. @defaultValue 50 */
  minTrainingUsers?: number;
  /** Tuning options of the training run (sample sizes, blend components to leave out). */
  training?: Omit<TrainRecommenderOptions, 'kind' | 'onProgress' | 'signal' | 'log'>;
  /** The sentence-embedding model (config `models.embeddingModel`): the content model then uses its vectors. @defaultValue none: TF-IDF */
  embedder?: TextEmbedder;
  /** Texts per embedding call (each call is split into the runtime's batches; progress is reported between calls). @defaultValue 256 */
  embeddingChunk?: number;
}

/** The error for a training request without a workspace: the recommender has no built-in model. */
export class RecommenderScopeError extends Error {
  override readonly name = 'RecommenderScopeError';
}

const finite = (value: number | undefined): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** See the file comment. */
export class RecommenderComponent implements TrainableComponent<RecommenderTrainingData, RecommenderModel> {
  readonly name = RECOMMENDER_COMPONENT;
  readonly primaryMetric = 'hr10';
  private readonly minTrainingUsers: number;

  constructor(private readonly deps: RecommenderComponentDeps) {
    this.minTrainingUsers = deps.minTrainingUsers ?? 50;
  }

  /** @throws RecommenderScopeError for the built-in scope (`null`). */
  async collect(scope: string | null): Promise<TrainingSet<RecommenderTrainingData>> {
    if (scope === null) throw new RecommenderScopeError('The recommender is trained per workspace; queue a training job with the workspace id as scope');
    const sequences = await collectSequences(this.deps.exporter.sequences(scope));
    const catalogue: ItemContent[] = [];
    for await (const page of this.deps.catalogueStore.itemContents(scope)) catalogue.push(...page);
    const shoppers = sequences.filter((s) => s.items.length >= 2).length;
    const kind = shoppers >= this.minTrainingUsers ? BLEND_KIND : POPULARITY_KIND;
    const hash = createHash('sha256');
    hash.update(JSON.stringify({ layout: TRAINING_LAYOUT, kind, training: this.deps.training ?? {}, embeddingModel: this.deps.embedder?.modelId ?? null }));
    for (const s of sequences) hash.update(`\n${s.user}\t${s.country ?? ''}\t${s.items.join(' ')}`);
    hash.update('\ncatalogue');
    for (const c of catalogue) hash.update(`\n${c.id}\t${c.text ?? ''}\t${(c.attributes ?? []).join(' ')}`);
    return { data: { workspaceId: scope, sequences, catalogue, shoppers }, fingerprint: hash.digest('hex'), kind };
  }

  async train(set: TrainingSet<RecommenderTrainingData>, control: TrainingControl): Promise<TrainedArtefact> {
    const embedded = set.kind === BLEND_KIND && this.deps.embedder !== undefined;
    const catalogue = embedded ? await this.embedCatalogue(set.data.catalogue, control) : set.data.catalogue;
    const data = InteractionData.fromSequences(set.data.sequences, { catalogue });
    // Embedding takes the first tenth of the progress bar.
    const onProgress = control.onProgress;
    const trained = await trainRecommender(data, {
      ...(embedded && !this.deps.training?.params ? { params: contentEmbeddingBlend() } : {}),
      ...this.deps.training,
      kind: set.kind,
      ...(onProgress ? { onProgress: embedded ? (f: number) => onProgress(0.1 + 0.9 * f) : onProgress } : {}),
      ...(control.signal ? { signal: control.signal } : {}),
    });
    const measured = trained.model.metrics;
    // A workspace without a single validation target measures nothing: 0 rather than NaN, so the version still
    // stores numeric metrics and loses against any live model that measured something.
    const metrics: RecommenderVersionMetrics = {
      hr10: finite(measured?.hr10),
      ndcg10: finite(measured?.ndcg10),
      hr20: finite(measured?.hr20),
      ndcg20: finite(measured?.ndcg20),
      users: measured?.users ?? 0,
      split: 'validation',
      trainSeconds: Math.round(trained.trainSeconds * 100) / 100,
      items: data.itemCount,
      shoppers: set.data.shoppers,
      kind: set.kind,
    };
    return { artefact: trained.model.serialize(), metrics };
  }

  /** The catalogue with each item's vector (its {@link embeddingText}); items without text get none. */
  private async embedCatalogue(catalogue: readonly ItemContent[], control: TrainingControl): Promise<EmbeddedItemContent[]> {
    const embedder = this.deps.embedder!;
    const chunk = this.deps.embeddingChunk ?? 256;
    const withText = catalogue.map((c, i) => ({ i, text: embeddingText(c) })).filter((t) => t.text.length > 0);
    const out: EmbeddedItemContent[] = catalogue.map((c) => ({ ...c }));
    for (let start = 0; start < withText.length; start += chunk) {
      checkCancelled(control);
      const part = withText.slice(start, start + chunk);
      const vectors = await embedder.embed(part.map((t) => t.text));
      part.forEach((t, p) => (out[t.i]!.vector = vectors[p]));
      control.onProgress?.((0.1 * (start + part.length)) / withText.length);
    }
    return out;
  }

  load(_kind: string, artefact: Buffer): RecommenderModel {
    return loadRecommender(artefact);
  }
}
