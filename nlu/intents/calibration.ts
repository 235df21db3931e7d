/**
 * Turns raw classifier scores into probabilities (temperature-scaled softmax, the temperature fitted by likelihood
 * on held-out scores) and picks the out-of-scope confidence threshold on held-out data.
 */

/** Softmax of `scores / temperature`, written into `out`. */
export function softmax(scores: ArrayLike<number>, temperature: number, out: Float64Array<ArrayBufferLike> = new Float64Array(scores.length)): Float64Array<ArrayBufferLike> {
  let max = -Infinity;
  for (let i = 0; i < scores.length; i++) if (scores[i]! > max) max = scores[i]!;
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    out[i] = Math.exp((scores[i]! - max) / temperature);
    sum += out[i]!;
  }
  for (let i = 0; i < scores.length; i++) out[i]! /= sum;
  return out;
}

/** Held-out scores of one example and its true class index. */
export interface ScoredExample {
  scores: Float64Array;
  label: number;
}

/**
 * The temperature that maximises the likelihood of the true classes (golden-section search on log T in
 * [0.005, 20]): well-calibrated confidences make one threshold mean the same thing across retrained models.
 */
export function fitTemperature(examples: readonly ScoredExample[]): number {
  if (examples.length === 0) return 1;
  const buffer = new Float64Array(examples[0]!.scores.length);
  const negativeLogLikelihood = (logT: number): number => {
    const t = Math.exp(logT);
    let total = 0;
    for (const { scores, label } of examples) total -= Math.log(Math.max(softmax(scores, t, buffer)[label]!, 1e-12));
    return total;
  };
  let lo = Math.log(0.005);
  let hi = Math.log(20);
  const golden = (Math.sqrt(5) - 1) / 2;
  let a = hi - golden * (hi - lo);
  let b = lo + golden * (hi - lo);
  let fa = negativeLogLikelihood(a);
  let fb = negativeLogLikelihood(b);
  for (let step = 0; step < 40; step++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - golden * (hi - lo);
      fa = negativeLogLikelihood(a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + golden * (hi - lo);
      fb = negativeLogLikelihood(b);
    }
  }
  return Math.exp((lo + hi) / 2);
}

/** One held-out decision before thresholding. */
export interface ThresholdCandidate {
  /** Index of the best class. */
  predicted: number;
  /** Its calibrated confidence. */
  confidence: number;
  /** The true class index. */
  label: number;
}

/** The chosen threshold and what it gives on the data it was chosen on. */
export interface ThresholdChoice {
  threshold: number;
  accuracy: number;
  outOfScopeRecall?: number;
}

/**
 * Chooses the confidence below which a message counts as out of scope, maximising
 * `(1 - share) * inScopeAccuracy + share * outOfScopeRecall` over every distinct confidence on the data. Without
 * out-of-scope examples there is nothing to trade against, so the threshold is 0.
 */
export function chooseThreshold(candidates: readonly ThresholdCandidate[], outOfScope: number, share: number): ThresholdChoice {
  const inScope = candidates.filter((c) => c.label !== outOfScope);
  const outside = candidates.filter((c) => c.label === outOfScope);
  const evaluate = (threshold: number): ThresholdChoice => {
    const decide = (c: ThresholdCandidate): number => (c.confidence < threshold ? outOfScope : c.predicted);
    const accuracy = inScope.length ? inScope.filter((c) => decide(c) === c.label).length / inScope.length : 0;
    if (!outside.length) return { threshold, accuracy };
    const outOfScopeRecall = outside.filter((c) => decide(c) === outOfScope).length / outside.length;
    return { threshold, accuracy, outOfScopeRecall };
  };
  if (!outside.length) return evaluate(0);
  const thresholds = [0, ...new Set(candidates.map((c) => c.confidence))].sort((x, y) => x - y);
  let best = evaluate(0);
  let bestValue = -Infinity;
  // Thresholds sit just above each observed confidence; checking every 1/200th of them is plenty and keeps it fast.
  const step = Math.max(1, Math.floor(thresholds.length / 200));
  for (let i = 0; i < thresholds.length; i += step) {
    const choice = evaluate(thresholds[i]! + 1e-9);
    const value = (1 - share) * choice.accuracy + share * (choice.outOfScopeRecall ?? 0);
    if (value > bestValue) {
      bestValue = value;
      best = choice;
    }
  }
  return best;
}
