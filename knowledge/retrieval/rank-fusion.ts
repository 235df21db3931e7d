/**
 * Reciprocal rank fusion (Cormack, Clarke & Büttcher, SIGIR 2009): each ranking gives an item 1 / (k + rank), rank
 * counted from 1, and the sums decide. It needs no score calibration between rankings (BM25 scores and cosine
 * similarities live on unrelated scales), and k = 60, the paper's value, keeps one ranking's first place from
 * outweighing agreement between rankings.
 */

/** The constant of the paper. */
export const RRF_K = 60;

/** An item's fused score. */
export interface FusedItem<K> {
  key: K;
  score: number;
}

/**
 * Fuses rankings of keys (best first; a key appears once per ranking) into one, best first. Equal sums keep the order
 * in which keys were first met, ranking by ranking.
 *
 * @example
 * reciprocalRankFusion([['a', 'b'], ['b', 'c']]); // b (1/62 + 1/61), a (1/61), c (1/62)
 */
export function reciprocalRankFusion<K>(rankings: ReadonlyArray<readonly K[]>, k: number = RRF_K): Array<FusedItem<K>> {
  const scores = new Map<K, number>();
  for (const ranking of rankings) {
    ranking.forEach((key, i) => scores.set(key, (scores.get(key) ?? 0) + 1 / (k + i + 1)));
  }
  return [...scores].map(([key, score]) => ({ key, score })).sort((a, b) => b.score - a.score);
}
