/**
 * Ranking metrics of a fraud score: ROC-AUC (ties count half), PR-AUC as average precision (scikit-learn's
 * `average_precision_score`: tied scores form one step), and recall at a false-positive-rate budget.
 */

function checkInputs(scores: ArrayLike<number>, labels: ArrayLike<number>): { positives: number; negatives: number } {
  if (scores.length !== labels.length) throw new RangeError('scores and labels differ in length');
  let positives = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === 1) positives++;
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) throw new RangeError('Both classes are needed to measure a ranking');
  return { positives, negatives };
}

/** Indices sorted by score, highest first. */
function descending(scores: ArrayLike<number>): number[] {
  return Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
}

/** Area under the ROC curve. */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const { positives, negatives } = checkInputs(scores, labels);
  const order = descending(scores);
  let area = 0;
  let negativesAbove = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    let pos = 0;
    let neg = 0;
    while (j < order.length && scores[order[j]!] === scores[order[i]!]) {
      if (labels[order[j]!] === 1) pos++;
      else neg++;
      j++;
    }
    // Positives in this tie group rank above the negatives below it and tie with the group's negatives.
    area += pos * (negatives - negativesAbove - neg) + pos * neg * 0.5;
    negativesAbove += neg;
    i = j;
  }
  return area / (positives * negatives);
}

/** Average precision: sum over thresholds of (recall step) x (precision at that threshold). */
export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const { positives } = checkInputs(scores, labels);
  const order = descending(scores);
  let truePositives = 0;
  let seen = 0;
  let ap = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    let pos = 0;
    while (j < order.length && scores[order[j]!] === scores[order[i]!]) {
      if (labels[order[j]!] === 1) pos++;
      j++;
    }
    truePositives += pos;
    seen += j - i;
    if (pos > 0) ap += (pos / positives) * (truePositives / seen);
    i = j;
  }
  return ap;
}

/**
 * Share of positives caught when flagging at most `maxFpr` of the negatives (the best threshold whose false-positive
 * rate stays within the budget; tied scores are flagged together or not at all).
 */
export function recallAtFpr(scores: ArrayLike<number>, labels: ArrayLike<number>, maxFpr = 0.01): number {
  const { positives, negatives } = checkInputs(scores, labels);
  const order = descending(scores);
  let best = 0;
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && scores[order[j]!] === scores[order[i]!]) {
      if (labels[order[j]!] === 1) tp++;
      else fp++;
      j++;
    }
    if (fp / negatives > maxFpr) break;
    best = tp / positives;
    i = j;
  }
  return best;
}

/** The `q` quantile (0..1) of `values` (nearest rank on a sorted copy). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
