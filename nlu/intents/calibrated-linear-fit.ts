/**
 * The training procedure every linear intent classifier shares, whatever its features (TF-IDF n-grams, sentence
 * embeddings, or both): fit on four fifths (or on everything when a validation set is given), fit the softmax
 * temperature and choose the out-of-scope threshold on the held-out rows, then refit on everything, warm-started
 * from the first fit.
 */
import { chooseThreshold, fitTemperature, softmax, type ScoredExample } from './calibration';
import { decisionScores, TrainingCancelledError, type LinearModelWeights } from './linear-svm';
import { stratifiedHoldout } from './holdout-split';
import type { SparseVector } from './tfidf-vectorizer';
import { OUT_OF_SCOPE, type IntentExample, type IntentTrainingOptions } from './intent-classifier';

/** Fits class weights on sparse rows; the progress callback returns false to cancel. */
export type LinearFitter = (
  rows: readonly SparseVector[],
  labels: Int32Array,
  classes: number,
  dimension: number,
  onClassTrained: (done: number, total: number) => boolean,
  warmStart?: { initialAlpha?: Float64Array; alphaOut?: Float64Array },
) => LinearModelWeights | Promise<LinearModelWeights>;

/** Rows with their class indices. */
export interface LabelledRows {
  rows: readonly SparseVector[];
  /** Index into `intents` per row. */
  labels: Int32Array;
}

/** What {@link fitCalibratedLinearModel} needs. */
export interface CalibratedFitInput extends LabelledRows {
  intents: readonly string[];
  /** Number of features (one past the largest index). */
  dimension: number;
  /**
   * Rows to calibrate on (only intents the model knows). Absent: a stratified fifth of the training rows, chosen by
   * a hash of the texts, is held out and the final model is refitted on everything.
   */
  validation?: LabelledRows;
  /** Training examples, parallel to `rows`; their texts choose the stable held-out fifth. */
  examples: readonly IntentExample[];
  fitter: LinearFitter;
  options: IntentTrainingOptions;
  /** Share of the overall progress this fit reports into. @defaultValue [0, 1] */
  progress?: readonly [number, number];
}

/** A fitted, calibrated linear model and what it scored on the calibration rows. */
export interface CalibratedLinearModel {
  model: LinearModelWeights;
  temperature: number;
  threshold: number;
  accuracy: number;
  outOfScopeRecall?: number;
  /** Number of calibration rows. */
  examples: number;
}

/** See the file comment. Throws `TrainingCancelledError` when `options.signal` aborts. */
export async function fitCalibratedLinearModel(input: CalibratedFitInput): Promise<CalibratedLinearModel> {
  const { rows, labels, intents, dimension, examples, fitter, options } = input;
  const [from, to] = input.progress ?? [0, 1];
  const split = input.validation
    ? undefined
    : stratifiedHoldout(
        examples.map((e, index) => ({ ...e, index })),
        0.2,
      );
  const fitIndices = split ? split.train.map((e) => e.index) : rows.map((_, i) => i);
  const calibration: LabelledRows = input.validation ?? {
    rows: split!.holdout.map((e) => rows[e.index]!),
    labels: Int32Array.from(split!.holdout, (e) => labels[e.index]!),
  };
  const fit = async (
    fitRows: readonly SparseVector[],
    fitLabels: Int32Array,
    progressFrom: number,
    progressTo: number,
    warmStart: { initialAlpha?: Float64Array; alphaOut?: Float64Array },
  ): Promise<LinearModelWeights> => {
    const model = await fitter(
      fitRows,
      fitLabels,
      intents.length,
      dimension,
      (done, total) => {
        options.onProgress?.(progressFrom + ((progressTo - progressFrom) * done) / total);
        return !options.signal?.aborted;
      },
      warmStart,
    );
    if (options.signal?.aborted) throw new TrainingCancelledError();
    return model;
  };
  // With a separate validation set one fit is enough; otherwise the calibration model is fitted on four fifths and
  // the final model on everything, and progress is split between the two fits.
  const middle = split ? from + (to - from) / 2 : to;
  const calibrationAlpha = split ? new Float64Array(intents.length * fitIndices.length) : undefined;
  const calibrationModel = await fit(
    fitIndices.map((i) => rows[i]!),
    Int32Array.from(fitIndices, (i) => labels[i]!),
    from,
    middle,
    { alphaOut: calibrationAlpha },
  );
  const scored: ScoredExample[] = calibration.rows.map((row, i) => ({
    scores: Float64Array.from(decisionScores(calibrationModel, row)),
    label: calibration.labels[i]!,
  }));
  const temperature = fitTemperature(scored);
  const candidates = scored.map(({ scores, label }) => {
    const probabilities = softmax(scores, temperature);
    let predicted = 0;
    for (let i = 1; i < probabilities.length; i++) if (probabilities[i]! > probabilities[predicted]!) predicted = i;
    return { predicted, confidence: probabilities[predicted]!, label };
  });
  const choice = chooseThreshold(candidates, intents.indexOf(OUT_OF_SCOPE), options.outOfScopeShare ?? 0.1);
  let model = calibrationModel;
  if (split && calibrationAlpha) {
    // The final fit on everything starts from the calibration fit's solution (held-out rows start at 0).
    const initialAlpha = new Float64Array(intents.length * rows.length);
    for (let cls = 0; cls < intents.length; cls++) {
      for (let t = 0; t < fitIndices.length; t++) initialAlpha[cls * rows.length + fitIndices[t]!] = calibrationAlpha[cls * fitIndices.length + t]!;
    }
    model = await fit(rows, labels, middle, to, { initialAlpha });
  }
  return {
    model,
    temperature,
    threshold: choice.threshold,
    accuracy: choice.accuracy,
    ...(choice.outOfScopeRecall !== undefined ? { outOfScopeRecall: choice.outOfScopeRecall } : {}),
    examples: calibration.rows.length,
  };
}
