/**
 * The blend: a weighted sum of its components' scores, each normalised per request by its largest score over the
 * items that may be recommended (so weights compare models whose scores have different scales). Weights and each
 * component's hyperparameters are chosen on the validation split (see `training/`); an explanation is the history
 * item with the largest weighted contribution over all components.
 */
import type { InteractionData } from '../data/interaction-data';
import { packRecommenderArtefact, RecommenderArtefactError, unpackRecommenderArtefact } from './artefact-codec';
import {
  checkCancelled,
  RecommenderModel,
  type FitOptions,
  type RecommenderMetrics,
  type RecommenderTrainer,
  type ScoringContext,
} from './recommender-model';

/** One member of the blend. */
export interface BlendComponent {
  /** Registry name of the component's algorithm. */
  kind: string;
  /** Its hyperparameters (the trainer's defaults where absent). */
  params?: unknown;
  /** Weight of its normalised scores; components at 0 are not trained. */
  weight: number;
}

/** Hyperparameters of the blend. */
export interface BlendParams {
  components: BlendComponent[];
}

/** Registry name of the blend. */
export const BLEND_KIND = 'blend';
const VERSION = 1;

/** Largest score over items that are not excluded (0 when there is none above 0). */
export function normaliser(scores: Float32Array, excluded?: Uint8Array): number {
  let max = 0;
  for (let i = 0; i < scores.length; i++) if (scores[i]! > max && !(excluded && excluded[i])) max = scores[i]!;
  return max;
}

/** See the file comment. */
export class BlendModel extends RecommenderModel<BlendParams> {
  readonly kind = BLEND_KIND;
  readonly version = VERSION;
  private readonly buffers: Float32Array[];
  private lastHistory?: Int32Array;
  private lastScales: number[] = [];
  /** The serving call in flight ({@link scoreOne} runs one at a time). */
  private serving: Promise<void> = Promise.resolve();

  constructor(
    itemIds: readonly string[],
    countries: readonly string[],
    params: BlendParams,
    /** The trained components with a weight above 0, in the order of `params.components` (others skipped). */
    readonly components: readonly RecommenderModel[],
  ) {
    super(itemIds, countries, params);
    this.buffers = components.map(() => new Float32Array(itemIds.length));
  }

  /** Weights of {@link components}, in their order. */
  get weights(): number[] {
    return this.params.components.filter((c) => c.weight > 0).map((c) => c.weight);
  }

  scoreInto(history: Int32Array, out: Float32Array, context: ScoringContext): void {
    this.components.forEach((component, m) => component.scoreInto(history, this.buffers[m]!, context));
    this.lastScales = this.combine(this.buffers, out, context.excluded);
    this.lastHistory = history;
  }

  /**
   * Serving: each component through its own {@link RecommenderModel.scoreOne} (native where that pays), then the
   * combination. Calls are serialised: the component buffers and the explanation state are the instance's.
   */
  override scoreOne(history: Int32Array, out: Float32Array, context: ScoringContext): Promise<void> {
    const run = this.serving.then(async () => {
      for (const [m, component] of this.components.entries()) await component.scoreOne(history, this.buffers[m]!, context);
      const supports = this.components.map((component) => component.scoringSupport(history));
      this.lastScales = this.combineSparse(this.buffers, supports, out, context.excluded);
      this.lastHistory = history;
    });
    this.serving = run.catch(() => undefined);
    return run;
  }

  override async scoreBatch(histories: readonly Int32Array[], contexts: readonly ScoringContext[], out: Float32Array): Promise<void> {
    const n = this.itemCount;
    const batch = histories.length;
    const scores = this.components.map(() => new Float32Array(batch * n));
    for (const [m, component] of this.components.entries()) await component.scoreBatch(histories, contexts, scores[m]!);
    for (let b = 0; b < batch; b++) {
      this.combine(
        scores.map((s) => s.subarray(b * n, (b + 1) * n)),
        out.subarray(b * n, (b + 1) * n),
        contexts[b]!.excluded,
      );
    }
  }

  /**
   * The blend's scores from its components' scores (`scores[m]` from `components[m]`), as {@link scoreInto}
   * computes them; returns each component's scale (weight / normaliser). Lets an evaluation score every component
   * once and rank both the components and the blend.
   */
  combine(scores: readonly Float32Array[], out: Float32Array, excluded?: Uint8Array): number[] {
    out.fill(0);
    const weights = this.weights;
    return this.components.map((_, m) => {
      const buffer = scores[m]!;
      const max = normaliser(buffer, excluded);
      const scale = max > 0 ? weights[m]! / max : 0;
      if (scale > 0) for (let i = 0; i < out.length; i++) out[i]! += scale * buffer[i]!;
      return scale;
    });
  }

  /**
   * {@link combine} for serving, with exactly its result (components are added in the same order), walking only the
   * support of the components that have one. It zeroes what it has added in those components' buffers (so an item
   * listed twice is added once): the buffers are the instance's own and scored afresh for every request.
   */
  private combineSparse(scores: readonly Float32Array[], supports: ReadonlyArray<readonly Int32Array[] | undefined>, out: Float32Array, excluded?: Uint8Array): number[] {
    out.fill(0);
    const weights = this.weights;
    return this.components.map((_, m) => {
      const buffer = scores[m]!;
      const support = supports[m];
      if (!support) {
        const max = normaliser(buffer, excluded);
        const scale = max > 0 ? weights[m]! / max : 0;
        if (scale > 0) for (let i = 0; i < out.length; i++) out[i]! += scale * buffer[i]!;
        return scale;
      }
      let max = 0;
      for (const items of support) {
        for (let k = 0; k < items.length; k++) {
          const i = items[k]!;
          if (buffer[i]! > max && !(excluded && excluded[i])) max = buffer[i]!;
        }
      }
      const scale = max > 0 ? weights[m]! / max : 0;
      if (scale > 0) {
        for (const items of support) {
          for (let k = 0; k < items.length; k++) {
            const i = items[k]!;
            out[i]! += scale * buffer[i]!;
            buffer[i] = 0;
          }
        }
      }
      return scale;
    });
  }

  contributions(history: Int32Array, item: number, context: ScoringContext): Float64Array {
    if (this.lastHistory !== history) this.scoreInto(history, new Float32Array(this.itemCount), context);
    const parts = new Float64Array(history.length);
    this.components.forEach((component, m) => {
      const scale = this.lastScales[m]!;
      if (scale <= 0) return;
      const own = component.contributions(history, item, context);
      for (let t = 0; t < parts.length; t++) parts[t]! += scale * own[t]!;
    });
    return parts;
  }

  serialize(): Buffer {
    const sections: Record<string, Uint8Array> = {};
    this.components.forEach((c, m) => (sections[`component${m}`] = c.serialize()));
    return packRecommenderArtefact(
      { kind: this.kind, version: this.version, params: { ...this.params, countries: this.countries }, ...(this.metrics ? { metrics: this.metrics } : {}), itemIds: this.itemIds },
      sections,
    );
  }
}

/** See the file comment. `trainers` are the component algorithms, by kind. */
export class BlendTrainer implements RecommenderTrainer<BlendParams> {
  readonly kind = BLEND_KIND;
  readonly searchSpace = {};
  readonly scoringParams: readonly (keyof BlendParams)[] = [];

  constructor(private readonly trainers: ReadonlyMap<string, RecommenderTrainer>) {}

  /** Every component algorithm at its defaults, sequences weighing most. */
  get defaults(): BlendParams {
    const weights: Record<string, number> = { 'sequential-knn': 1, 'item-knn': 0.5, 'implicit-als': 0.5, 'content-tfidf': 0.2, popularity: 0.05 };
    return { components: [...this.trainers.keys()].map((kind) => ({ kind, params: this.trainer(kind).defaults, weight: weights[kind] ?? 0.5 })) };
  }

  /** The trainer of a component kind. @throws Error naming the known kinds. */
  trainer(kind: string): RecommenderTrainer {
    const trainer = this.trainers.get(kind);
    if (!trainer) throw new Error(`Unknown recommender component ${kind}; known: ${[...this.trainers.keys()].join(', ')}`);
    return trainer;
  }

  async fit(data: InteractionData, params: BlendParams, options?: FitOptions): Promise<BlendModel> {
    const active = params.components.filter((c) => c.weight > 0);
    if (!active.length) throw new Error('A blend needs at least one component with a weight above 0');
    const warm = options?.warmStart instanceof BlendModel ? options.warmStart : undefined;
    const components: RecommenderModel[] = [];
    for (const [m, c] of active.entries()) {
      checkCancelled(options);
      const trainer = this.trainer(c.kind);
      const warmStart = warm?.components.find((w) => w.kind === c.kind);
      components.push(
        await trainer.fit(data, c.params ?? trainer.defaults, {
          ...(options?.signal ? { signal: options.signal } : {}),
          ...(warmStart ? { warmStart } : {}),
          onProgress: (f) => options?.onProgress?.((m + f) / active.length),
        }),
      );
    }
    return new BlendModel(data.itemIds, data.countries, { components: params.components.map((c) => ({ ...c })) }, components);
  }

  /** A blend of components already fitted on `data` (those with a weight above 0, in `params` order). */
  assemble(data: InteractionData, params: BlendParams, components: readonly RecommenderModel[]): BlendModel {
    const active = params.components.filter((c) => c.weight > 0);
    if (active.length !== components.length || active.some((c, m) => c.kind !== components[m]!.kind)) {
      throw new Error(`The fitted components (${components.map((c) => c.kind).join(', ')}) do not match the blend's (${active.map((c) => c.kind).join(', ')})`);
    }
    return new BlendModel(data.itemIds, data.countries, { components: params.components.map((c) => ({ ...c })) }, components);
  }

  load(artefact: Uint8Array): BlendModel {
    const { header, sections } = unpackRecommenderArtefact<BlendParams & { countries: string[] }, RecommenderMetrics>(artefact, BLEND_KIND, VERSION);
    const { countries, ...params } = header.params;
    const components = params.components
      .filter((c) => c.weight > 0)
      .map((c, m) => {
        const bytes = sections.get(`component${m}`);
        if (!(bytes instanceof Uint8Array)) throw new RecommenderArtefactError(`Blend artefact lacks its ${c.kind} component; retrain the blend`);
        return this.trainer(c.kind).load(bytes);
      });
    const model = new BlendModel(header.itemIds, countries, params, components);
    if (header.metrics) model.metrics = header.metrics;
    return model;
  }
}
