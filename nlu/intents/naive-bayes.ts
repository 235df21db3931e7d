/**
 * Multinomial naive Bayes over TF-IDF rows, written as a linear model (log prior as bias, log feature likelihoods as
 * weights) so it shares the linear classifier's prediction, calibration and artefact code. It is the comparison
 * baseline for the SVM: it trains in one pass but is less accurate.
 */
import type { LinearModelWeights } from './linear-svm';
import { TrainingCancelledError } from './linear-svm';
import type { SparseVector } from './tfidf-vectorizer';

/** Options of {@link trainNaiveBayes}. */
export interface NaiveBayesOptions {
  /** Additive (Lidstone) smoothing. @defaultValue 0.1 */
  smoothing?: number;
  /** Called after each class; return false to cancel. */
  onClassTrained?: (done: number, total: number) => boolean | void;
}

/** Fits class priors and feature likelihoods. */
export function trainNaiveBayes(
  rows: readonly SparseVector[],
  labels: Int32Array,
  classes: number,
  dimension: number,
  options: NaiveBayesOptions = {},
): LinearModelWeights {
  const smoothing = options.smoothing ?? 0.1;
  const weights = new Float32Array(classes * dimension);
  const counts = new Float64Array(classes * dimension);
  const documents = new Float64Array(classes);
  rows.forEach(({ indices, values }, i) => {
    const offset = labels[i]! * dimension;
    documents[labels[i]!]! += 1;
    for (let k = 0; k < indices.length; k++) counts[offset + indices[k]!]! += values[k]!;
  });
  const bias = new Float32Array(classes);
  for (let cls = 0; cls < classes; cls++) {
    const offset = cls * dimension;
    let total = 0;
    for (let j = 0; j < dimension; j++) total += counts[offset + j]! + smoothing;
    for (let j = 0; j < dimension; j++) weights[offset + j] = Math.log((counts[offset + j]! + smoothing) / total);
    bias[cls] = Math.log((documents[cls]! + 1) / (rows.length + classes));
    if (options.onClassTrained?.(cls + 1, classes) === false) throw new TrainingCancelledError();
  }
  return { classes, dimension, weights, bias };
}
