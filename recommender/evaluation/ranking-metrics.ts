/**
 * Hit rate and NDCG at 10 and 20 for one held-out item per user (leave-one-out), from the zero-based rank the
 * item got: HR@k counts ranks below k, NDCG@k adds 1 / log2(rank + 2) for them.
 */

/** HR and NDCG at 10 and 20, averaged over users. */
export interface RankingMetrics {
  hr10: number;
  ndcg10: number;
  hr20: number;
  ndcg20: number;
  users: number;
}

/** Sums ranks into {@link RankingMetrics}. */
export class RankingAccumulator {
  private users = 0;
  private hits10 = 0;
  private hits20 = 0;
  private gain10 = 0;
  private gain20 = 0;

  /** Adds one user's target rank (zero-based; Infinity for an item that could not be ranked). */
  add(rank: number): void {
    this.users++;
    if (rank < 20) {
      const gain = 1 / Math.log2(rank + 2);
      this.hits20++;
      this.gain20 += gain;
      if (rank < 10) {
        this.hits10++;
        this.gain10 += gain;
      }
    }
  }

  /** The averages (all 0 for no users). */
  result(): RankingMetrics {
    const n = this.users || 1;
    return { hr10: this.hits10 / n, ndcg10: this.gain10 / n, hr20: this.hits20 / n, ndcg20: this.gain20 / n, users: this.users };
  }
}

/** Rounds every figure to 4 decimals, for printing. */
export function roundMetrics<M extends RankingMetrics>(m: M): M {
  const r = (x: number): number => Math.round(x * 10000) / 10000;
  return { ...m, hr10: r(m.hr10), ndcg10: r(m.ndcg10), hr20: r(m.hr20), ndcg20: r(m.ndcg20) };
}
