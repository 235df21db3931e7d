/**
 * Item-to-item from sequences: what shoppers interacted with after (and, weighted less, before) an item, each
 * pair weighted by `distanceDecay^(steps apart - 1)` within a window, normalised like the co-occurrence model
 * (`T(i,j) / (n_i^alpha * n_j^(1-alpha) + shrink)`).
 */
import type { InteractionData } from '../data/interaction-data';
import { ItemNeighbours } from './item-neighbours';
import { NeighbourRecommender, type RecencyParams } from './neighbour-recommender';
import { checkCancelled, type FitOptions, type RecommenderTrainer } from './recommender-model';

/** Hyperparameters of the sequential model. */
export interface SequentialParams extends RecencyParams {
  /** Neighbours kept per item. */
  neighbours: number;
  /** How many steps ahead (and back) a pair may be apart. */
  window: number;
  /** Weight of a pair `d` steps apart: `distanceDecay^(d-1)`. */
  distanceDecay: number;
  /** Weight of "j came before i" relative to "j came after i". */
  backwardWeight: number;
  /** Exponent on the source item's count (1: conditional probability of what follows). */
  alpha: number;
  /** Added to the denominator. */
  shrink: number;
}

/** Registry name of the sequential model. */
export const SEQUENTIAL_KIND = 'sequential-knn';
const VERSION = 1;

/** See the file comment. */
export class SequentialTrainer implements RecommenderTrainer<SequentialParams> {
  readonly kind = SEQUENTIAL_KIND;
  readonly defaults: SequentialParams = {
    neighbours: 200,
    window: 5,
    distanceDecay: 0.6,
    backwardWeight: 0.5,
    alpha: 0.5,
    shrink: 0,
    historyLength: 3,
    recencyDecay: 0.5,
  };
  /** Values the validation search tries for each hyperparameter. */
  readonly searchSpace = {
    window: [2, 5, 10],
    distanceDecay: [0.3, 0.6, 0.9],
    backwardWeight: [0, 0.25, 0.5, 1],
    alpha: [0.3, 0.5, 0.7, 1],
    shrink: [0, 5, 20, 50, 100],
    historyLength: [1, 2, 3, 5, 10],
    recencyDecay: [0.3, 0.5, 0.7, 0.9],
  };
  /** Hyperparameters that only change scoring (no refit). */
  readonly scoringParams: readonly (keyof SequentialParams)[] = ['historyLength', 'recencyDecay'];

  async fit(data: InteractionData, params: SequentialParams, control?: FitOptions): Promise<NeighbourRecommender<SequentialParams>> {
    checkCancelled(control);
    const n = data.itemCount;
    // Occurrences of each item: (user, position), as an inverted index over positions in data.items.
    const counts = new Float64Array(n);
    for (const i of data.items) counts[i]!++;
    const occOffsets = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) occOffsets[i + 1] = occOffsets[i]! + counts[i]!;
    const occurrences = new Int32Array(data.items.length);
    const occUser = new Int32Array(data.items.length);
    const fill = occOffsets.slice(0, n);
    for (let u = 0; u < data.userCount; u++) {
      for (let p = data.offsets[u]!; p < data.offsets[u + 1]!; p++) {
        const slot = fill[data.items[p]!]!++;
        occurrences[slot] = p;
        occUser[slot] = u;
      }
    }
    const decay = new Float64Array(params.window + 1);
    for (let d = 1; d <= params.window; d++) decay[d] = Math.pow(params.distanceDecay, d - 1);
    const powA = Float64Array.from(counts, (c) => Math.pow(c, params.alpha));
    const powB = Float64Array.from(counts, (c) => Math.pow(c, 1 - params.alpha));
    const items = data.items;
    const neighbours = ItemNeighbours.build(
      n,
      params.neighbours,
      (i, acc, touched, isTouched) => {
        let count = 0;
        const add = (j: number, w: number): void => {
          if (!isTouched[j]) {
            isTouched[j] = 1;
            touched[count++] = j;
          }
          acc[j]! += w;
        };
        for (let o = occOffsets[i]!; o < occOffsets[i + 1]!; o++) {
          const p = occurrences[o]!;
          const u = occUser[o]!;
          const start = data.offsets[u]!;
          const end = data.offsets[u + 1]!;
          for (let d = 1; d <= params.window && p + d < end; d++) add(items[p + d]!, decay[d]!);
          if (params.backwardWeight > 0) for (let d = 1; d <= params.window && p - d >= start; d++) add(items[p - d]!, params.backwardWeight * decay[d]!);
        }
        return count;
      },
      (i, j, raw) => raw / (powA[i]! * powB[j]! + params.shrink),
    );
    control?.onProgress?.(1);
    return new NeighbourRecommender(SEQUENTIAL_KIND, VERSION, data.itemIds, { ...params }, neighbours);
  }

  load(artefact: Uint8Array): NeighbourRecommender<SequentialParams> {
    return NeighbourRecommender.load<SequentialParams>(artefact, SEQUENTIAL_KIND, VERSION);
  }
}
