/**
 * The benchmark of the sequential-recommendation papers (S3-Rec, ICLRec) on sequence files: each user's last item
 * is the test target and the one before it the validation target. The models are trained (and tuned on the
 * validation item) by {@link trainRecommender} from the sequences without their last item, so the test item never
 * reaches training; then every user's full history (validation item included) ranks every item not in it, and
 * HR/NDCG@10/20 are measured for the default model and every component. Latency is one `recommend()` call (full
 * ranking, top 20, with explanations) for one user.
 */
import { InteractionData, type ItemContent, type UserSequence } from '../data/interaction-data';
import { BLEND_KIND, BlendModel } from '../models/blend';
import { AlsModel } from '../models/implicit-als';
import { recommenderTrainer } from '../models/registry';
import type { RecommenderModel } from '../models/recommender-model';
import { rankOf } from '../models/top-k';
import { trainRecommender, type ComponentReport } from '../training/train-recommender';
import { RankingAccumulator, roundMetrics, type RankingMetrics } from './ranking-metrics';
import { allUsers, userBatches } from './user-batches';

/** Options of {@link runSequenceBenchmark}. */
export interface SequenceBenchmarkOptions {
  sequences: readonly UserSequence[];
  /** Item content for the content model (e.g. the attribute file). */
  catalogue?: readonly ItemContent[];
  /** Default model. @defaultValue `blend` */
  kind?: string;
  /** Blend components to leave out. */
  skip?: readonly string[];
  /** Validation users of each component's search (see trainRecommender). */
  tuningUsers?: number;
  /** Validation users choosing the blend's weights (see trainRecommender). */
  blendUsers?: number;
  /** Users whose `recommend()` call is timed. @defaultValue 2000 */
  latencyUsers?: number;
  log?: (line: string) => void;
}

/** Figures of one model. */
export interface ModelFigures {
  hr10: number;
  ndcg10: number;
  hr20: number;
  ndcg20: number;
  trainSeconds: number;
}

/** What `npm run rec:eval` prints. */
export interface SequenceBenchmarkResult extends ModelFigures {
  model: string;
  /** CPU seconds of training (all threads): the figure to compare when the machine is shared. */
  trainCpuSeconds: number;
  p50ms: number;
  p99ms: number;
  models: Record<string, ModelFigures>;
  /** Figures on the validation item (what tuning saw), per model. */
  validation: Record<string, { hr10: number; ndcg10: number }>;
  /** Parameters and weights chosen on validation, per model. */
  chosen: Record<string, { weight: number; params: unknown }>;
  users: number;
  items: number;
  interactions: number;
  /**
   * Time of the hand-written kernels: the latent-factor fit's Gram products and conjugate-gradient sweeps (seconds,
   * final fit), and its serving fold-in and all-items scoring (milliseconds per shopper).
   */
  kernels: Record<string, number>;
  evaluationSeconds: number;
}

const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** The value at quantile `q` of `values` (sorted in place). */
function quantile(values: number[], q: number): number {
  values.sort((a, b) => a - b);
  return values.length ? values[Math.min(values.length - 1, Math.floor(q * values.length))]! : 0;
}

/** See the file comment. */
export async function runSequenceBenchmark(options: SequenceBenchmarkOptions): Promise<SequenceBenchmarkResult> {
  const test = holdOutTestItems(options.sequences, options.catalogue ?? []);
  const kind = options.kind ?? BLEND_KIND;
  const trained = await trainRecommender(test.train, {
    kind,
    ...(options.skip ? { skip: options.skip } : {}),
    ...(options.tuningUsers ? { tuningUsers: options.tuningUsers } : {}),
    ...(options.blendUsers ? { blendUsers: options.blendUsers } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  // Components the blend gave no weight are fitted here only to report their figures.
  for (const report of trained.components) await ensureFitted(report, test.train);
  const started = performance.now();
  const ranked = await evaluateAll(trained.model, trained.components, test.train, test.targets);
  const evaluationSeconds = (performance.now() - started) / 1000;
  const latencies = measureLatency(trained.model, test.train, options.latencyUsers ?? 2000);
  const models: Record<string, ModelFigures> = {};
  const validation: SequenceBenchmarkResult['validation'] = {};
  const chosen: SequenceBenchmarkResult['chosen'] = {};
  const kernels: Record<string, number> = {};
  for (const r of trained.components) {
    models[r.kind] = { ...pick(ranked.get(r.kind)!), trainSeconds: round(r.trainSeconds, 1) };
    validation[r.kind] = { hr10: round(r.validation.hr10, 4), ndcg10: round(r.validation.ndcg10, 4) };
    chosen[r.kind] = { weight: round(r.weight), params: r.params };
    if (r.model instanceof AlsModel) {
      if (r.model.kernelTimes) {
        kernels['alsGramSeconds'] = round(r.model.kernelTimes.gramSeconds, 2);
        kernels['alsConjugateGradientSeconds'] = round(r.model.kernelTimes.conjugateGradientSeconds, 2);
      }
      const sample = Array.from({ length: Math.min(500, test.train.userCount) }, (_, k) => test.train.sequence(Math.floor((k * test.train.userCount) / 500)));
      const serving = r.model.measureServingKernels(sample);
      kernels['alsFoldInMs'] = round(serving.foldInMs, 4);
      kernels['alsScoreAllItemsMs'] = round(serving.scoreAllItemsMs, 4);
    }
  }
  const top = ranked.get(kind)!;
  models[kind] = { ...pick(top), trainSeconds: round(trained.trainSeconds, 1) };
  if (trained.model.metrics) validation[kind] = { hr10: round(trained.model.metrics.hr10, 4), ndcg10: round(trained.model.metrics.ndcg10, 4) };
  return {
    model: kind,
    ...pick(top),
    trainSeconds: round(trained.trainSeconds, 1),
    trainCpuSeconds: round(trained.trainCpuSeconds, 1),
    p50ms: round(quantile(latencies, 0.5)),
    p99ms: round(quantile(latencies, 0.99)),
    models,
    validation,
    chosen,
    users: test.train.userCount,
    items: test.train.itemCount,
    interactions: test.train.interactionCount + test.targets.filter((t) => t >= 0).length,
    kernels,
    evaluationSeconds: round(evaluationSeconds, 1),
  };
}

/**
 * The test split, built so that the test items cannot influence training in any way: the data (and its item
 * index, whose order breaks score ties) is made from the sequences without their last item; items that occur only
 * as test items are appended to the index afterwards, as items without content that nobody interacted with, so
 * they are ranked like every other item.
 */
export function holdOutTestItems(sequences: readonly UserSequence[], catalogue: readonly ItemContent[]): { train: InteractionData; targets: Int32Array } {
  const trainSequences = sequences.map((s) => ({ ...s, items: s.items.slice(0, -1) }));
  const known = new Set<string>(catalogue.map((c) => c.id));
  for (const s of trainSequences) for (const i of s.items) known.add(i);
  const testOnly = new Set<string>();
  for (const s of sequences) if (s.items.length && !known.has(s.items.at(-1)!)) testOnly.add(s.items.at(-1)!);
  const train = InteractionData.fromSequences(trainSequences, { catalogue: [...catalogue, ...[...testOnly].map((id) => ({ id }))] });
  const targets = Int32Array.from(sequences, (s) => (s.items.length ? train.indexOf(s.items.at(-1)!)! : -1));
  return { train, targets };
}

function pick(m: RankingMetrics): Omit<ModelFigures, 'trainSeconds'> {
  const r = roundMetrics(m);
  return { hr10: r.hr10, ndcg10: r.ndcg10, hr20: r.hr20, ndcg20: r.ndcg20 };
}

async function ensureFitted(report: ComponentReport, train: InteractionData): Promise<void> {
  if (report.model) return;
  const t = performance.now();
  report.model = await recommenderTrainer(report.kind).fit(train, report.params);
  report.trainSeconds += (performance.now() - t) / 1000;
}

/**
 * Ranks every user's test target with the default model and every component, scoring each component once per
 * user (the blend combines the same scores exactly as its `scoreInto` does).
 */
export async function evaluateAll(
  model: RecommenderModel,
  components: readonly ComponentReport[],
  histories: InteractionData,
  targets: Int32Array,
): Promise<Map<string, RankingMetrics>> {
  const n = model.itemCount;
  const entries = components.map((c) => ({ kind: c.kind, model: c.model!, scores: new Float32Array(0), acc: new RankingAccumulator() }));
  const blend = model instanceof BlendModel ? model : undefined;
  const own = { scores: new Float32Array(0), acc: new RankingAccumulator() };
  const ownIsComponent = entries.some((e) => e.model === model);
  for (const batch of userBatches(histories, allUsers(histories), targets)) {
    const size = batch.users.length * n;
    for (const e of entries) {
      if (e.scores.length !== size) e.scores = new Float32Array(size);
      await e.model.scoreBatch(batch.histories, batch.contexts, e.scores);
    }
    if (own.scores.length !== size) own.scores = new Float32Array(size);
    if (!blend && !ownIsComponent) await model.scoreBatch(batch.histories, batch.contexts, own.scores);
    batch.users.forEach((u, b) => {
      const target = targets[u]!;
      const excluded = batch.contexts[b]!.excluded!;
      const row = (a: Float32Array): Float32Array => a.subarray(b * n, (b + 1) * n);
      const history = batch.histories[b]!;
      const rank = (scores: Float32Array): number => (excluded[target] ? Infinity : rankOf(scores, target, excluded, history));
      for (const e of entries) e.acc.add(rank(row(e.scores)));
      if (blend) {
        const inputs = blend.components.map((m) => row(entries.find((e) => e.model === m)!.scores));
        blend.combine(inputs, row(own.scores), excluded);
      }
      if (blend || !ownIsComponent) own.acc.add(rank(row(own.scores)));
    });
  }
  const result = new Map(entries.map((e) => [e.kind, e.acc.result()]));
  if (blend || !ownIsComponent) result.set(model.kind, own.acc.result());
  return result;
}

/** Milliseconds of one `recommend()` call (top 20, history excluded, explanations) for a spread of users. */
function measureLatency(model: RecommenderModel, histories: InteractionData, count: number): number[] {
  const users = Math.min(count, histories.userCount);
  const step = histories.userCount / Math.max(1, users);
  const requests = Array.from({ length: users }, (_, k) => {
    const u = Math.floor(k * step);
    return { history: Array.from(histories.sequence(u), (i) => histories.itemIds[i]!), k: 20 };
  });
  for (const r of requests.slice(0, 100)) model.recommend(r);
  return requests.map((r) => {
    const t = performance.now();
    model.recommend(r);
    return performance.now() - t;
  });
}
