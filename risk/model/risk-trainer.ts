/**
 * Trains a {@link RiskModel} from labelled feature rows: a validation slice is held out by shopper (no shopper in
 * both parts), each candidate set of booster parameters is trained with early stopping on the validation log-loss,
 * the candidate with the best validation ROC-AUC + PR-AUC is kept, Platt scaling is fitted on its validation margins,
 * and the default decision thresholds are read off the validation scores. Only the training data is ever looked at.
 */
import { ENTITY_KINDS } from '../features/counter-store';
import { FeatureEncoder, type EncoderFitOptions } from '../features/feature-encoder';
import type { RiskFeatures } from '../features/feature-builder';
import { averagePrecision, recallAtFpr, rocAuc } from '../evaluation/metrics';
import { seededRandom, shuffleInPlace } from '../evaluation/seeded-random';
import { calibrate, fitPlatt } from './platt-calibration';
import { RiskModel, type DecisionThresholds, type RiskTrainingMetrics } from './risk-model';
import { DenseMatrix, XgboostBooster, type BoosterParams } from './xgboost-booster';
import { xgboostBinding } from './xgboost-library';

/** Raised when training is cancelled through its signal. */
export class RiskTrainingCancelledError extends Error {
  override name = 'RiskTrainingCancelledError';
}

/** Raised when the data cannot train a model (too small, one class only); the message says what is missing. */
export class RiskTrainingDataError extends Error {
  override name = 'RiskTrainingDataError';
}

/**
 * The candidates tried by default: shallow, regularised trees (minimum child weight, `gamma`, column sampling). Fraud
 * signals are few and strong (sign-up-to-purchase time, accounts sharing a device or IP); on the e-commerce fraud
 * data, these beat the deeper, looser sets tried first on validation folds of the training part (see the README).
 */
export const DEFAULT_RISK_CANDIDATES: readonly BoosterParams[] = [
  { max_depth: 2, eta: 0.05, min_child_weight: 5, subsample: 0.8, colsample_bytree: 0.8 },
  { max_depth: 3, eta: 0.03, min_child_weight: 10, gamma: 1, subsample: 0.8, colsample_bytree: 0.6 },
  { max_depth: 4, eta: 0.03, min_child_weight: 10, gamma: 1, lambda: 10, subsample: 0.7, colsample_bytree: 0.6 },
];

/**
 * Monotone constraints by default: domain knowledge the model must respect whatever the data's noise says. More
 * accounts sharing a device, IP, card or address, more chargebacks or "not received" claims, a disposable e-mail
 * or a country mismatch never lower the risk; an older account never raises it.
 */
export const DEFAULT_RISK_MONOTONE: Readonly<Record<string, 1 | -1>> = Object.fromEntries([
  ['minutes_since_signup', -1],
  ...ENTITY_KINDS.flatMap((kind) =>
    (['other_accounts', 'other_accounts_last_day', 'other_quick_accounts', 'other_accounts_created_near', 'chargebacks'] as const).map((c) => [`${kind}_${c}`, 1]),
  ),
  ['customer_chargebacks', 1],
  ['customer_not_received_claims', 1],
  ['disposable_email', 1],
  ['ip_billing_country_mismatch', 1],
  ['ip_shipping_country_mismatch', 1],
  ['billing_shipping_country_mismatch', 1],
]) as Record<string, 1 | -1>;

/** Options of {@link trainRiskModel}. */
export interface RiskTrainingOptions {
  /** Folds of the cross-fitting (by shopper). @defaultValue 4 */
  folds?: number;
  /** Seed of the folds and of XGBoost's sampling. @defaultValue 7 */
  seed?: number;
  /** Booster parameter sets to choose from. @defaultValue {@link DEFAULT_RISK_CANDIDATES} */
  candidates?: readonly BoosterParams[];
  /** Upper bound on boosting rounds. @defaultValue 1500 */
  maxRounds?: number;
  /** Stop when the validation log-loss has not improved for this many rounds. @defaultValue 60 */
  earlyStoppingRounds?: number;
  /** XGBoost threads while training (OpenMP threads spin: more than one only pays on an idle machine). @defaultValue 1 */
  threads?: number;
  /** Category vocabulary settings. */
  encoder?: EncoderFitOptions;
  /** Share of legitimate validation orders the `review` threshold may send to review. @defaultValue 0.03 */
  reviewFpr?: number;
  /** Share of legitimate validation orders the `decline` threshold may decline. @defaultValue 0.002 */
  declineFpr?: number;
  /**
   * Monotone constraints by column name (`1`: risk never decreases as the value grows, `-1`: never increases).
   * @defaultValue {@link DEFAULT_RISK_MONOTONE}
   */
  monotone?: Readonly<Record<string, 1 | -1>>;
  /** Features (by name) the booster must not use: their columns are hidden while training. */
  excludeFeatures?: readonly string[];
  /** Path of the XGBoost library (default: found in the usual folders). */
  libraryPath?: string;
  /** Progress from 0 to 1. */
  onProgress?: (fraction: number) => void;
  /** Cancels training (throws {@link RiskTrainingCancelledError}). */
  signal?: AbortSignal;
}

const BASE_PARAMS: BoosterParams = { objective: 'binary:logistic', tree_method: 'hist', max_bin: 256 };
const CHECK_EVERY = 5;
/**
 * Rounds between yields to the event loop: a round is a synchronous call into XGBoost, and the platform trains in
 * the same process that answers chats, so a long stretch of rounds must not hold up a turn (10 rounds of a few
 * thousand rows take a few milliseconds).
 */
const YIELD_EVERY = 10;

function logLoss(margins: ArrayLike<number>, labels: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < margins.length; i++) {
    const z = margins[i]!;
    // -log sigmoid(z) for positives, -log(1 - sigmoid(z)) for negatives, written stably.
    const s = labels[i] === 1 ? -z : z;
    total += s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s));
  }
  return total / margins.length;
}

/** The probability above which a share `fpr` of the legitimate rows lie. */
function negativeQuantile(probabilities: ArrayLike<number>, labels: ArrayLike<number>, fpr: number): number {
  const negatives: number[] = [];
  for (let i = 0; i < labels.length; i++) if (labels[i] !== 1) negatives.push(probabilities[i]!);
  if (negatives.length === 0) return 0.5;
  negatives.sort((a, b) => b - a);
  return negatives[Math.min(negatives.length - 1, Math.floor(negatives.length * fpr))]!;
}

/**
 * Default thresholds from calibrated validation probabilities: `review` sends about `reviewFpr` of legitimate orders
 * to review, `decline` declines about `declineFpr` of them (never below `review`).
 */
export function chooseThresholds(probabilities: ArrayLike<number>, labels: ArrayLike<number>, reviewFpr = 0.03, declineFpr = 0.002): DecisionThresholds {
  // Scores strictly above the quantile escalate, so the budget is not exceeded by ties at the quantile.
  const review = Math.min(0.99, negativeQuantile(probabilities, labels, reviewFpr) + 1e-9);
  const decline = Math.min(0.999, Math.max(review, negativeQuantile(probabilities, labels, declineFpr) + 1e-9));
  return { review, decline };
}

/** The fold (0..folds-1) of every row: whole groups, shuffled with `seed`, dealt round-robin. */
function assignFolds(groups: readonly string[], folds: number, seed: number): Int32Array {
  const unique = shuffleInPlace([...new Set(groups)].sort(), seededRandom(seed));
  const foldOf = new Map(unique.map((g, i) => [g, i % folds]));
  return Int32Array.from(groups, (g) => foldOf.get(g)!);
}

async function yieldToEventLoop(signal?: AbortSignal): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  if (signal?.aborted) throw new RiskTrainingCancelledError('Risk model training was cancelled');
}

/** Rows of an encoded matrix picked by index. */
function pick(values: Float32Array, width: number, indices: readonly number[]): Float32Array {
  const out = new Float32Array(indices.length * width);
  indices.forEach((row, i) => out.set(values.subarray(row * width, (row + 1) * width), i * width));
  return out;
}

/** The `monotone_constraints` parameter for the encoder's columns. */
function monotoneParameter(encoder: FeatureEncoder, constraints: Readonly<Record<string, 1 | -1>>): string {
  return `(${encoder.columns.map((c) => constraints[c.name] ?? 0).join(',')})`;
}

/**
 * Trains a model on `rows` with 0/1 `labels`; `groups` (the shopper of each row) keeps a shopper's rows in one fold
 * (default: each row its own group).
 *
 * Cross-fitting: the rows are dealt into folds; for each candidate parameter set, a booster per fold trains on the
 * other folds with early stopping on its own fold, giving out-of-fold margins for every row. The candidate with the
 * best out-of-fold ROC-AUC + PR-AUC wins; Platt scaling and the decision thresholds are fitted on its out-of-fold
 * margins; the final booster trains on every row for the folds' mean number of rounds.
 * @throws RiskTrainingDataError when a fold lacks frauds or legitimate rows.
 */
export async function trainRiskModel(
  rows: readonly RiskFeatures[],
  labels: ArrayLike<number>,
  groups?: readonly string[],
  options: RiskTrainingOptions = {},
): Promise<RiskModel> {
  const started = performance.now();
  if (rows.length !== labels.length) throw new RangeError('rows and labels differ in length');
  const binding = xgboostBinding(options.libraryPath);
  const seed = options.seed ?? 7;
  const folds = options.folds ?? 4;
  const threads = options.threads ?? 1;
  const foldOf = assignFolds(groups ?? rows.map((_, i) => String(i)), folds, seed);
  const labelArray = Array.from(labels, (l) => (l === 1 ? 1 : 0));
  for (let f = 0; f < folds; f++) {
    const part = labelArray.filter((_, i) => foldOf[i] === f);
    const positives = part.filter((l) => l === 1).length;
    if (positives < 2 || positives > part.length - 2) {
      throw new RiskTrainingDataError(`Fold ${f + 1} of ${folds} has ${positives} frauds among ${part.length} rows; risk training needs more labelled frauds and legitimate orders`);
    }
  }
  const encoder = FeatureEncoder.fit(rows, options.encoder);
  const width = encoder.width;
  const values = new Float32Array(rows.length * width);
  rows.forEach((row, i) => encoder.encode(row, values, i * width));
  for (const name of options.excludeFeatures ?? []) {
    encoder.columns.forEach((column, c) => {
      if (column.feature !== name) return;
      for (let r = 0; r < rows.length; r++) values[r * width + c] = Number.NaN;
    });
  }
  const monotone: BoosterParams = { monotone_constraints: monotoneParameter(encoder, options.monotone ?? DEFAULT_RISK_MONOTONE) };
  const candidates = options.candidates ?? DEFAULT_RISK_CANDIDATES;
  const maxRounds = options.maxRounds ?? 1500;
  const patience = options.earlyStoppingRounds ?? 60;
  const foldRows = Array.from({ length: folds }, (_, f) => ({
    train: rows.map((_, i) => i).filter((i) => foldOf[i] !== f),
    held: rows.map((_, i) => i).filter((i) => foldOf[i] === f),
  }));
  const steps = candidates.length * folds + 1;
  let done = 0;
  let best: { margins: Float64Array; score: number; rounds: number; params: BoosterParams } | undefined;
  for (const candidate of candidates) {
    const params: BoosterParams = { ...BASE_PARAMS, nthread: threads, seed, ...monotone, ...candidate };
    const outOfFold = new Float64Array(rows.length);
    let roundsSum = 0;
    for (const { train, held } of foldRows) {
      const trainLabels = train.map((i) => labelArray[i]!);
      const heldLabels = held.map((i) => labelArray[i]!);
      const fit = DenseMatrix.create({ values: pick(values, width, train), rows: train.length, columns: width }, trainLabels, undefined, threads, binding);
      const val = DenseMatrix.create({ values: pick(values, width, held), rows: held.length, columns: width }, heldLabels, undefined, threads, binding);
      const booster = XgboostBooster.create([fit, val], params, binding);
      try {
        let bestLoss = Infinity;
        let bestRounds = CHECK_EVERY;
        let bestMargins: Float32Array = new Float32Array(0);
        for (let round = 0; round < maxRounds; round++) {
          booster.updateOneIteration(round, fit);
          if ((round + 1) % CHECK_EVERY !== 0) continue;
          const margins = booster.predictMargins(val);
          const loss = logLoss(margins, heldLabels);
          if (loss < bestLoss - 1e-6) {
            bestLoss = loss;
            bestRounds = round + 1;
            bestMargins = margins;
          } else if (round + 1 - bestRounds >= patience) break;
          if ((round + 1) % YIELD_EVERY === 0) await yieldToEventLoop(options.signal);
        }
        held.forEach((row, i) => (outOfFold[row] = bestMargins[i]!));
        roundsSum += bestRounds;
      } finally {
        booster.dispose();
        fit.dispose();
        val.dispose();
      }
      options.onProgress?.(++done / steps);
      await yieldToEventLoop(options.signal);
    }
    const score = rocAuc(outOfFold, labelArray) + averagePrecision(outOfFold, labelArray);
    if (!best || score > best.score) best = { margins: outOfFold, score, rounds: Math.max(1, Math.round(roundsSum / folds)), params: candidate };
  }
  const chosen = best!;
  const all = DenseMatrix.create({ values, rows: rows.length, columns: width }, labelArray, undefined, threads, binding);
  const booster = XgboostBooster.create([all], { ...BASE_PARAMS, nthread: threads, seed, ...monotone, ...chosen.params }, binding);
  try {
    for (let round = 0; round < chosen.rounds; round++) {
      booster.updateOneIteration(round, all);
      if ((round + 1) % YIELD_EVERY === 0) await yieldToEventLoop(options.signal);
    }
  } catch (error) {
    booster.dispose();
    throw error;
  } finally {
    all.dispose();
  }
  options.onProgress?.(1);
  const calibration = fitPlatt(chosen.margins, labelArray);
  const probabilities = Array.from(chosen.margins, (m) => calibrate(calibration, m));
  const metrics: RiskTrainingMetrics = {
    rocAuc: rocAuc(chosen.margins, labelArray),
    prAuc: averagePrecision(chosen.margins, labelArray),
    recallAt1pctFpr: recallAtFpr(chosen.margins, labelArray, 0.01),
    logLoss: logLoss(Array.from(chosen.margins, (m) => calibration.a * m + calibration.b), labelArray),
    validationRows: rows.length,
    trainRows: rows.length,
    rounds: chosen.rounds,
    trainSeconds: (performance.now() - started) / 1000,
    params: { ...chosen.params },
  };
  const thresholds = chooseThresholds(probabilities, labelArray, options.reviewFpr, options.declineFpr);
  return new RiskModel(encoder, booster, calibration, thresholds, metrics, new Date().toISOString());
}
