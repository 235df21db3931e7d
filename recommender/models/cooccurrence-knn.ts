/**
 * Item-to-item from co-occurrence: two items are similar when the same shoppers interacted with both, measured
 * as an asymmetric cosine `C(i,j) / (n_i^alpha * n_j^(1-alpha) + shrink)` (alpha 0.5 is the cosine), where a
 * shopper with many items may count less (`userWeight`: each co-occurrence weighs `1 / |items|^userWeight`).
 */
import type { InteractionData } from '../data/interaction-data';
import { ItemNeighbours } from './item-neighbours';
import { NeighbourRecommender, type RecencyParams } from './neighbour-recommender';
import { checkCancelled, type FitOptions, type RecommenderTrainer } from './recommender-model';

/** Hyperparameters of the co-occurrence model. */
export interface CooccurrenceParams extends RecencyParams {
  /** Neighbours kept per item. */
  neighbours: number;
  /** Exponent on the source item's count (0.5: cosine; 1: conditional probability). */
  alpha: number;
  /** Added to the denominator, damping similarities from few shoppers. */
  shrink: number;
  /** Exponent of the down-weighting of shoppers with many items (0: none). */
  userWeight: number;
}

/** Registry name of the co-occurrence model. */
export const COOCCURRENCE_KIND = 'item-knn';
const VERSION = 1;

/** See the file comment. */
export class CooccurrenceTrainer implements RecommenderTrainer<CooccurrenceParams> {
  readonly kind = COOCCURRENCE_KIND;
  readonly defaults: CooccurrenceParams = { neighbours: 200, alpha: 0.5, shrink: 0, userWeight: 0, historyLength: 3, recencyDecay: 0.7 };
  /** Values the validation search tries for each hyperparameter. */
  readonly searchSpace = {
    alpha: [0.3, 0.5, 0.7],
    shrink: [0, 5, 20, 50, 100],
    userWeight: [0, 0.5, 1],
    historyLength: [1, 2, 3, 5, 10],
    recencyDecay: [0.3, 0.5, 0.7, 0.9],
  };
  /** Hyperparameters that only change scoring (no refit). */
  readonly scoringParams: readonly (keyof CooccurrenceParams)[] = ['historyLength', 'recencyDecay'];

  async fit(data: InteractionData, params: CooccurrenceParams, control?: FitOptions): Promise<NeighbourRecommender<CooccurrenceParams>> {
    checkCancelled(control);
    const n = data.itemCount;
    // Each user's distinct items, and the inverted index item -> users.
    const userOffsets = new Int32Array(data.userCount + 1);
    const userItems: number[] = [];
    const userWeight = new Float64Array(data.userCount);
    const seen = new Int32Array(n).fill(-1);
    for (let u = 0; u < data.userCount; u++) {
      for (const i of data.sequence(u)) {
        if (seen[i] === u) continue;
        seen[i] = u;
        userItems.push(i);
      }
      userOffsets[u + 1] = userItems.length;
      const size = userOffsets[u + 1]! - userOffsets[u]!;
      userWeight[u] = size > 0 ? Math.pow(size, -params.userWeight) : 0;
    }
    const counts = new Float64Array(n);
    for (const i of userItems) counts[i]!++;
    const itemOffsets = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) itemOffsets[i + 1] = itemOffsets[i]! + counts[i]!;
    const itemUsers = new Int32Array(userItems.length);
    const fill = itemOffsets.slice(0, n);
    for (let u = 0; u < data.userCount; u++) for (let p = userOffsets[u]!; p < userOffsets[u + 1]!; p++) itemUsers[fill[userItems[p]!]!++] = u;
    const powA = Float64Array.from(counts, (c) => Math.pow(c, params.alpha));
    const powB = Float64Array.from(counts, (c) => Math.pow(c, 1 - params.alpha));
    const neighbours = ItemNeighbours.build(
      n,
      params.neighbours,
      (i, acc, touched, isTouched) => {
        let count = 0;
        for (let q = itemOffsets[i]!; q < itemOffsets[i + 1]!; q++) {
          const u = itemUsers[q]!;
          const w = userWeight[u]!;
          for (let p = userOffsets[u]!; p < userOffsets[u + 1]!; p++) {
            const j = userItems[p]!;
            if (!isTouched[j]) {
              isTouched[j] = 1;
              touched[count++] = j;
            }
            acc[j]! += w;
          }
        }
        return count;
      },
      (i, j, raw) => raw / (powA[i]! * powB[j]! + params.shrink),
    );
    control?.onProgress?.(1);
    return new NeighbourRecommender(COOCCURRENCE_KIND, VERSION, data.itemIds, { ...params }, neighbours);
  }

  load(artefact: Uint8Array): NeighbourRecommender<CooccurrenceParams> {
    return NeighbourRecommender.load<CooccurrenceParams>(artefact, COOCCURRENCE_KIND, VERSION);
  }
}
