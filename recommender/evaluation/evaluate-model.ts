/**
 * Evaluates a model the way the papers do: for each user, score every item from the user's history, exclude the
 * items of that history, and rank the held-out target among all the others.
 */
import type { InteractionData } from '../data/interaction-data';
import type { RecommenderModel } from '../models/recommender-model';
import { rankOf } from '../models/top-k';
import { RankingAccumulator, type RankingMetrics } from './ranking-metrics';
import { allUsers, userBatches } from './user-batches';

/** Which users to evaluate (all with a target when absent). */
export interface EvaluationOptions {
  users?: ArrayLike<number>;
  /** Users scored per batch. */
  batchSize?: number;
}

/**
 * HR/NDCG of `model` on `targets` (item index per user of `histories`, -1 to skip), each user scored from
 * `histories.sequence(u)` with those items excluded. A target inside the history counts as a miss.
 */
export async function evaluateModel(model: RecommenderModel, histories: InteractionData, targets: Int32Array, options: EvaluationOptions = {}): Promise<RankingMetrics> {
  const n = model.itemCount;
  const acc = new RankingAccumulator();
  let scores = new Float32Array(0);
  for (const batch of userBatches(histories, options.users ?? allUsers(histories), targets, options.batchSize)) {
    if (scores.length < batch.users.length * n) scores = new Float32Array(batch.users.length * n);
    const out = scores.subarray(0, batch.users.length * n);
    await model.scoreBatch(batch.histories, batch.contexts, out);
    batch.users.forEach((u, b) => {
      const target = targets[u]!;
      const excluded = batch.contexts[b]!.excluded!;
      acc.add(excluded[target] ? Infinity : rankOf(out.subarray(b * n, (b + 1) * n), target, excluded, batch.histories[b]!));
    });
  }
  return acc.result();
}
