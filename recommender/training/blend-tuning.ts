/**
 * Choosing the blend's weights on the validation split. Each validation user's candidates (the union of every
 * component's top `candidates` items, history excluded) are scored once by every component, normalised as the
 * blend does; a weight vector is then evaluated from that cache in milliseconds, and coordinate ascent over a grid
 * of weights keeps what improves HR@10 + NDCG@10.
 *
 * The cache is exact where it matters: an item outside every component's candidates scores at most
 * `bound = sum_m w_m * (m's candidates-th best normalised score)`, so when the target beats the bound its rank among
 * the candidates is its rank among all items, and when 20 candidates beat it, it is a miss either way. The few
 * users where neither holds count as misses (so figures from the cache never flatter the blend).
 */
import type { InteractionData } from '../data/interaction-data';
import { RankingAccumulator, type RankingMetrics } from '../evaluation/ranking-metrics';
import { normaliser } from '../models/blend';
import { checkCancelled, type RecommenderModel } from '../models/recommender-model';
import { topK } from '../models/top-k';
import { userBatches } from '../evaluation/user-batches';
import { tuningObjective } from './hyperparameter-search';

/** The cached validation scores of {@link buildBlendCache}. */
export interface BlendCache {
  components: number;
  /** Per user (of the cache), offsets into candidate arrays. */
  offsets: Int32Array;
  /** Candidate item index. */
  items: Int32Array;
  /** Normalised score of each candidate by each component (candidate * components + m). */
  scores: Float32Array;
  /** Target item per cached user. */
  targets: Int32Array;
  /** Normalised target score by each component. */
  targetScores: Float32Array;
  /** Each component's lowest normalised candidate score per user (the bound for non-candidates). */
  floors: Float32Array;
  /** Users whose target is in their history (always a miss). */
  excludedTargets: number;
}

/** Options of {@link buildBlendCache}. */
export interface BlendCacheOptions {
  users: ArrayLike<number>;
  /** Top items taken from each component. @defaultValue 100 */
  candidates?: number;
  signal?: AbortSignal;
}

/** Scores the validation users once with every component (see the file comment). */
export async function buildBlendCache(models: readonly RecommenderModel[], histories: InteractionData, targets: Int32Array, options: BlendCacheOptions): Promise<BlendCache> {
  const n = histories.itemCount;
  const m = models.length;
  const take = options.candidates ?? 100;
  const mark = new Int32Array(n).fill(-1);
  const offsets: number[] = [0];
  const items: number[] = [];
  const scores: number[] = [];
  const cachedTargets: number[] = [];
  const targetScores: number[] = [];
  const floors: number[] = [];
  let excludedTargets = 0;
  const scales = new Float64Array(m);
  let seen = 0;
  let buffers: Float32Array[] = [];
  for (const batch of userBatches(histories, options.users, targets)) {
    checkCancelled(options);
    const size = batch.users.length * n;
    if (!buffers.length || buffers[0]!.length < size) buffers = models.map(() => new Float32Array(size));
    for (const [c, model] of models.entries()) await model.scoreBatch(batch.histories, batch.contexts, buffers[c]!.subarray(0, size));
    batch.users.forEach((u, b) => {
      const target = targets[u]!;
      const excluded = batch.contexts[b]!.excluded!;
      if (excluded[target]) {
        excludedTargets++;
        return;
      }
      const k = seen++;
      const rows = buffers.map((buffer) => buffer.subarray(b * n, (b + 1) * n));
      const userItems: number[] = [];
      rows.forEach((row, c) => {
        const max = normaliser(row, excluded);
        scales[c] = max > 0 ? 1 / max : 0;
        const best = topK(row, take, excluded);
        // Below the take-th best every item scores at most that; with fewer ranked items, at most the lowest.
        floors.push(Math.max(0, (best.items.length === take ? best.scores[take - 1]! : minScore(row, excluded)) * scales[c]!));
        for (const i of best.items) {
          if (mark[i] !== k) {
            mark[i] = k;
            userItems.push(i);
          }
        }
      });
      for (const i of userItems) {
        if (i === target) continue;
        items.push(i);
        for (let c = 0; c < m; c++) scores.push(rows[c]![i]! * scales[c]!);
      }
      offsets.push(items.length);
      cachedTargets.push(target);
      for (let c = 0; c < m; c++) targetScores.push(rows[c]![target]! * scales[c]!);
    });
  }
  return {
    components: m,
    offsets: Int32Array.from(offsets),
    items: Int32Array.from(items),
    scores: Float32Array.from(scores),
    targets: Int32Array.from(cachedTargets),
    targetScores: Float32Array.from(targetScores),
    floors: Float32Array.from(floors),
    excludedTargets,
  };
}

function minScore(scores: Float32Array, excluded: Uint8Array): number {
  let min = Infinity;
  for (let i = 0; i < scores.length; i++) if (!excluded[i] && scores[i]! < min) min = scores[i]!;
  return Number.isFinite(min) ? min : 0;
}

/** HR/NDCG of the blend with `weights` on the cached users (see the file comment for exactness). */
export function evaluateBlendCache(cache: BlendCache, weights: readonly number[]): RankingMetrics {
  const m = cache.components;
  const acc = new RankingAccumulator();
  for (let e = 0; e < cache.excludedTargets; e++) acc.add(Infinity);
  for (let u = 0; u < cache.targets.length; u++) {
    const target = cache.targets[u]!;
    let t = 0;
    let bound = 0;
    for (let c = 0; c < m; c++) {
      t += weights[c]! * cache.targetScores[u * m + c]!;
      bound += weights[c]! * cache.floors[u * m + c]!;
    }
    let rank = 0;
    for (let q = cache.offsets[u]!; q < cache.offsets[u + 1]! && rank < 20; q++) {
      let s = 0;
      for (let c = 0; c < m; c++) s += weights[c]! * cache.scores[q * m + c]!;
      if (s > t || (s === t && cache.items[q]! < target)) rank++;
    }
    acc.add(rank >= 20 || t > bound ? rank : Infinity);
  }
  return acc.result();
}

/** Weights the search tries for each component (the largest weight is then scaled to 1). */
const WEIGHT_GRID = [0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1, 1.4, 2];

/** Result of {@link tuneBlendWeights}. */
export interface WeightSearchResult {
  weights: number[];
  metrics: RankingMetrics;
  evaluations: number;
}

/** Coordinate ascent over {@link WEIGHT_GRID} from `initial`, until a pass changes nothing (at most `passes`). */
export function tuneBlendWeights(cache: BlendCache, initial: readonly number[], passes = 4, log?: (line: string) => void): WeightSearchResult {
  let weights = [...initial];
  let metrics = evaluateBlendCache(cache, weights);
  let best = tuningObjective(metrics);
  let evaluations = 1;
  for (let pass = 0; pass < passes; pass++) {
    let improved = false;
    for (let c = 0; c < weights.length; c++) {
      for (const w of WEIGHT_GRID) {
        if (w === weights[c]) continue;
        const candidate = weights.map((x, i) => (i === c ? w : x));
        if (!candidate.some((x) => x > 0)) continue;
        const m = evaluateBlendCache(cache, candidate);
        evaluations++;
        if (tuningObjective(m) > best) {
          best = tuningObjective(m);
          weights = candidate;
          metrics = m;
          improved = true;
        }
      }
    }
    log?.(`blend weights pass ${pass + 1}: ${weights.map((w) => w.toFixed(2)).join(' ')} hr10=${metrics.hr10.toFixed(4)} ndcg10=${metrics.ndcg10.toFixed(4)}`);
    if (!improved) break;
  }
  const top = Math.max(...weights);
  return { weights: weights.map((w) => w / top), metrics, evaluations };
}
