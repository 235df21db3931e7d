/**
 * Sparse item-to-item similarity: for every item its `k` most similar items with weights, in CSR layout
 * (offsets/items/weights typed arrays), built row by row from a dense accumulator, and the scoring that sums the
 * neighbour rows of a shopper's recent items.
 */

import { topK } from './top-k';

/** Accumulates one row: adds raw weights into `acc` and returns how many distinct items it touched, listed in `touched`. */
export type RowAccumulator = (item: number, acc: Float64Array, touched: Int32Array, isTouched: Uint8Array) => number;

/** See the file comment. */
export class ItemNeighbours {
  constructor(
    readonly offsets: Int32Array,
    readonly items: Int32Array,
    readonly weights: Float32Array,
  ) {}

  /** Number of items (rows). */
  get itemCount(): number {
    return this.offsets.length - 1;
  }

  /**
   * Builds the lists: `accumulate` fills item `i`'s raw row, `normalise(i, j, raw)` turns it into the similarity,
   * and the `k` largest positive ones are kept (sorted, largest first). An item is never its own neighbour.
   */
  static build(itemCount: number, k: number, accumulate: RowAccumulator, normalise: (i: number, j: number, raw: number) => number): ItemNeighbours {
    const acc = new Float64Array(itemCount);
    const touched = new Int32Array(itemCount);
    const isTouched = new Uint8Array(itemCount);
    const offsets = new Int32Array(itemCount + 1);
    const rowItems: Int32Array[] = [];
    const rowWeights: Float32Array[] = [];
    const candidates = new Int32Array(itemCount);
    const values = new Float32Array(itemCount);
    for (let i = 0; i < itemCount; i++) {
      const count = accumulate(i, acc, touched, isTouched);
      let kept = 0;
      for (let t = 0; t < count; t++) {
        const j = touched[t]!;
        const raw = acc[j]!;
        acc[j] = 0;
        isTouched[j] = 0;
        if (j === i || raw <= 0) continue;
        const sim = normalise(i, j, raw);
        if (sim > 0) {
          candidates[kept] = j;
          values[kept++] = sim;
        }
      }
      // Heap selection of the k best (O(kept log k)); ties go to the earlier-touched candidate.
      const best = topK(values.subarray(0, kept), k);
      const ri = new Int32Array(best.items.length);
      for (let r = 0; r < ri.length; r++) ri[r] = candidates[best.items[r]!]!;
      rowItems.push(ri);
      rowWeights.push(best.scores);
      offsets[i + 1] = offsets[i]! + ri.length;
    }
    const items = new Int32Array(offsets[itemCount]!);
    const weights = new Float32Array(offsets[itemCount]!);
    for (let i = 0; i < itemCount; i++) {
      items.set(rowItems[i]!, offsets[i]!);
      weights.set(rowWeights[i]!, offsets[i]!);
    }
    return new ItemNeighbours(offsets, items, weights);
  }

  /** The neighbours of `item` (a view, not a copy). */
  row(item: number): Int32Array {
    return this.items.subarray(this.offsets[item]!, this.offsets[item + 1]!);
  }

  /** Adds `weight * similarity(item, j)` to `out[j]` for every neighbour j of `item`. */
  addRow(item: number, weight: number, out: Float32Array): void {
    const end = this.offsets[item + 1]!;
    for (let p = this.offsets[item]!; p < end; p++) out[this.items[p]!]! += weight * this.weights[p]!;
  }

  /** Similarity of `j` in `item`'s list (0 when not a kept neighbour). */
  similarity(item: number, j: number): number {
    const end = this.offsets[item + 1]!;
    for (let p = this.offsets[item]!; p < end; p++) if (this.items[p] === j) return this.weights[p]!;
    return 0;
  }
}
