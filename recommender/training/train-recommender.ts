/**
 * The training run every recommender goes through, in the registry's jobs and in `npm run rec:eval` alike: hold
 * out each shopper's last item as the validation target, choose hyperparameters (and, for the blend, each
 * component's hyperparameters and the weights) on it, measure the chosen model there, then refit on all the data
 * given (warm-started from the validation fit where the algorithm can) and store the validation figures in the
 * artefact. Whatever the caller holds back (the benchmark's test item) never reaches this function.
 */
import type { InteractionData } from '../data/interaction-data';
import { splitLastItem } from '../data/leave-one-out';
import { evaluateModel } from '../evaluation/evaluate-model';
import type { RankingMetrics } from '../evaluation/ranking-metrics';
import { BLEND_KIND, type BlendComponent, type BlendParams, type BlendTrainer } from '../models/blend';
import { seededRandom } from '../models/dense-linear-algebra';
import { recommenderTrainers } from '../models/registry';
import type { RecommenderMetrics, RecommenderModel, RecommenderTrainer } from '../models/recommender-model';
import { buildBlendCache, evaluateBlendCache, tuneBlendWeights } from './blend-tuning';
import { searchHyperparameters } from './hyperparameter-search';

/** Options of {@link trainRecommender}. */
export interface TrainRecommenderOptions {
  /** Algorithm. @defaultValue `blend` */
  kind?: string;
  /** Hyperparameters to start from (the trainer's defaults where absent). */
  params?: unknown;
  /** Search hyperparameters (and blend weights) on the validation split; off: use them as given. @defaultValue true */
  tune?: boolean;
  /** Blend components to leave out (e.g. `implicit-als` when training time matters more). */
  skip?: readonly string[];
  /** At most this many validation users take part in each component's search (a seeded sample; its figures use the same users). @defaultValue 8000 */
  tuningUsers?: number;
  /**
   * At most this many validation users choose the blend's weights (and measure the blend). More than the component
   * searches: some 200 weight vectors are compared, and with few users the best of them is partly chance.
   * @defaultValue 20000
   */
  blendUsers?: number;
  /** Seed of the validation sample. @defaultValue 7 */
  seed?: number;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** Receives a line per step (trials, weights, timings). */
  log?: (line: string) => void;
}

/** What one component of the run did. */
export interface ComponentReport {
  kind: string;
  params: unknown;
  weight: number;
  validation: RankingMetrics;
  /** Tuning plus the final fit, seconds. */
  trainSeconds: number;
  /** The final fit on all the data given (absent for a blend component at weight 0, which is not refitted). */
  model?: RecommenderModel;
}

/** Result of {@link trainRecommender}. */
export interface TrainedRecommender {
  /** Fitted on all the data given, with `metrics` from the validation split. */
  model: RecommenderModel;
  /** For the blend: every component; otherwise the model itself. */
  components: ComponentReport[];
  trainSeconds: number;
  /** CPU time of this process during the run (all threads, native ones included), seconds. */
  trainCpuSeconds: number;
}

function sampleUsers(count: number, limit: number, seed: number): Int32Array {
  const all = Int32Array.from({ length: count }, (_, u) => u);
  if (count <= limit) return all;
  const random = seededRandom(seed);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = all[i]!;
    all[i] = all[j]!;
    all[j] = t;
  }
  return all.subarray(0, limit).sort();
}

const asMetrics = (m: RankingMetrics): RecommenderMetrics => ({ ...m, split: 'validation' });

/** See the file comment. */
export async function trainRecommender(data: InteractionData, options: TrainRecommenderOptions = {}): Promise<TrainedRecommender> {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const cpuSeconds = (): number => {
    const used = process.cpuUsage(cpuStarted);
    return (used.user + used.system) / 1e6;
  };
  const kind = options.kind ?? BLEND_KIND;
  const trainers = recommenderTrainers();
  const trainer = trainers.get(kind);
  if (!trainer) throw new Error(`Unknown recommender ${kind}; known: ${[...trainers.keys()].join(', ')}`);
  const validation = splitLastItem(data);
  const users = sampleUsers(data.userCount, options.tuningUsers ?? 8000, options.seed ?? 7);
  const tune = options.tune ?? true;
  const log = options.log;
  const signal = options.signal ? { signal: options.signal } : {};

  if (kind !== BLEND_KIND) {
    const base = options.params ?? trainer.defaults;
    const searched = tune
      ? await searchHyperparameters(trainer, validation.train, validation.targets, base, { users, ...signal, ...(log ? { log } : {}) })
      : await fitAndMeasure(trainer, validation.train, validation.targets, base, users);
    const t = performance.now();
    const model = await trainer.fit(data, searched.params, { ...signal, warmStart: searched.model });
    model.metrics = asMetrics(searched.metrics);
    const trainSeconds = (performance.now() - started) / 1000;
    log?.(`${kind}: refit ${((performance.now() - t) / 1000).toFixed(1)} s`);
    options.onProgress?.(1);
    return { model, components: [{ kind, params: searched.params, weight: 1, validation: searched.metrics, trainSeconds, model }], trainSeconds, trainCpuSeconds: cpuSeconds() };
  }

  const blend = trainer as unknown as BlendTrainer;
  const given = (options.params as BlendParams | undefined) ?? blend.defaults;
  const skip = new Set(options.skip ?? []);
  const components = given.components.filter((c) => !skip.has(c.kind));
  const reports: ComponentReport[] = [];
  const validationModels: RecommenderModel[] = [];
  const steps = components.length + 2;
  for (const [step, c] of components.entries()) {
    const t = performance.now();
    const componentTrainer = blend.trainer(c.kind);
    const base = c.params ?? componentTrainer.defaults;
    const searched = tune
      ? await searchHyperparameters(componentTrainer, validation.train, validation.targets, base, { users, ...signal, ...(log ? { log } : {}) })
      : await fitAndMeasure(componentTrainer, validation.train, validation.targets, base, users);
    validationModels.push(searched.model);
    reports.push({ kind: c.kind, params: searched.params, weight: c.weight, validation: searched.metrics, trainSeconds: (performance.now() - t) / 1000 });
    log?.(`${c.kind}: validation hr10=${searched.metrics.hr10.toFixed(4)} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    options.onProgress?.((step + 1) / steps);
  }
  let t = performance.now();
  const blendUsers = sampleUsers(data.userCount, options.blendUsers ?? 20000, (options.seed ?? 7) + 1);
  const cache = await buildBlendCache(validationModels, validation.train, validation.targets, { users: blendUsers, ...signal });
  const weights = tune ? tuneBlendWeights(cache, components.map((c) => c.weight), 4, log) : { weights: components.map((c) => c.weight), metrics: evaluateBlendCache(cache, components.map((c) => c.weight)) };
  log?.(`blend weights ${weights.weights.map((w) => w.toFixed(3)).join(' ')} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  options.onProgress?.((components.length + 1) / steps);
  const params: BlendParams = {
    components: reports.map((r, m): BlendComponent => ({ kind: r.kind, params: r.params, weight: weights.weights[m]! })),
  };
  reports.forEach((r, m) => (r.weight = weights.weights[m]!));
  // Refit the components that take part, each from its validation fit.
  const fitted: RecommenderModel[] = [];
  for (const [m, r] of reports.entries()) {
    if (r.weight <= 0) continue;
    t = performance.now();
    const model = await blend.trainer(r.kind).fit(data, r.params, { ...signal, warmStart: validationModels[m]! });
    model.metrics = asMetrics(r.validation);
    r.model = model;
    r.trainSeconds += (performance.now() - t) / 1000;
    fitted.push(model);
  }
  const model = blend.assemble(data, params, fitted);
  model.metrics = asMetrics(weights.metrics);
  options.onProgress?.(1);
  return { model, components: reports, trainSeconds: (performance.now() - started) / 1000, trainCpuSeconds: cpuSeconds() };
}

async function fitAndMeasure<P>(
  trainer: RecommenderTrainer<P>,
  train: InteractionData,
  targets: Int32Array,
  params: P,
  users: Int32Array,
): Promise<{ params: P; model: RecommenderModel<P>; metrics: RankingMetrics }> {
  const model = await trainer.fit(train, params);
  return { params, model, metrics: await evaluateModel(model, train, targets, { users }) };
}
