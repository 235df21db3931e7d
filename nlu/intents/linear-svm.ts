/**
 * One-vs-rest linear support vector machine (L2-regularised, squared hinge loss) trained by dual coordinate descent,
 * the algorithm of LIBLINEAR (Hsieh et al., ICML 2008) that scikit-learn's `LinearSVC` wraps. It converges in a few
 * passes over sparse TF-IDF rows, so a model over tens of thousands of messages trains in seconds.
 */
import type { SparseVector } from './tfidf-vectorizer';

/** Training options. */
export interface LinearSvmOptions {
  /** Inverse regularisation strength. @defaultValue 1 */
  c?: number;
  /** Stop when the projected-gradient spread falls below this. @defaultValue 0.1 */
  tolerance?: number;
  /** Most passes over the data per class. @defaultValue 200 */
  maxPasses?: number;
  /** Seed of the visiting order, so training is reproducible. @defaultValue 1 */
  seed?: number;
  /**
   * Warm start: dual variables from an earlier fit, `classes x rows` (class-major). Rows that were not in that fit
   * start at 0. Refitting on a superset of the rows then needs a few passes instead of a full training.
   */
  initialAlpha?: Float64Array;
  /** Receives the final dual variables, same layout as `initialAlpha` (for a later warm start). */
  alphaOut?: Float64Array;
  /** Called after each class is trained (for progress reporting); return false to cancel. */
  onClassTrained?: (done: number, total: number) => boolean | void;
}

/** Weights of a trained model: one row of `dimension` weights plus a bias per class. */
export interface LinearModelWeights {
  classes: number;
  dimension: number;
  /** Row-major `classes x dimension`. */
  weights: Float32Array;
  bias: Float32Array;
}

/** Thrown when training is cancelled through `onClassTrained`. */
export class TrainingCancelledError extends Error {
  override name = 'TrainingCancelledError';
  constructor() {
    super('Training was cancelled');
  }
}

/** Rows in compressed sparse row form (what the training loops and worker threads share). */
export interface CsrMatrix {
  /** Row `i` spans `indptr[i]..indptr[i + 1]` of `indices`/`values`. */
  indptr: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

/** Packs sparse rows into one {@link CsrMatrix}, optionally in shared memory for worker threads. */
export function toCsr(rows: readonly SparseVector[], shared = false): CsrMatrix {
  const nnz = rows.reduce((sum, row) => sum + row.indices.length, 0);
  const alloc = (bytes: number): ArrayBuffer | SharedArrayBuffer => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  const indptr = new Int32Array(alloc(4 * (rows.length + 1)));
  const indices = new Int32Array(alloc(4 * nnz));
  const values = new Float64Array(alloc(8 * nnz));
  let at = 0;
  rows.forEach((row, i) => {
    indptr[i] = at;
    indices.set(row.indices, at);
    values.set(row.values, at);
    at += row.indices.length;
  });
  indptr[rows.length] = at;
  return { indptr, indices, values };
}

/** Trains one binary SVM per class on `rows` labelled `labels[i]` in `[0, classes)`, on this thread. */
export function trainLinearSvm(
  rows: readonly SparseVector[],
  labels: Int32Array,
  classes: number,
  dimension: number,
  options: LinearSvmOptions = {},
): LinearModelWeights {
  const weights = new Float32Array(classes * dimension);
  const bias = new Float32Array(classes);
  const all = Array.from({ length: classes }, (_, cls) => cls);
  trainSvmClasses(toCsr(rows), labels, all, dimension, options, (cls, w, b) => {
    weights.set(w, cls * dimension);
    bias[cls] = b;
  });
  return { classes, dimension, weights, bias };
}

/**
 * Trains the binary SVMs of the classes in `classList` and hands each one's weights to `onClass` as soon as it is
 * done (the weight array is reused for the next class: copy it). Used on this thread and inside training workers.
 */
export function trainSvmClasses(
  matrix: CsrMatrix,
  labels: Int32Array,
  classList: readonly number[],
  dimension: number,
  options: LinearSvmOptions,
  onClass: (cls: number, weights: Float64Array, bias: number) => void,
): void {
  const c = options.c ?? 1;
  const tolerance = options.tolerance ?? 0.1;
  const maxPasses = options.maxPasses ?? 200;
  const { indptr, indices, values } = matrix;
  const n = indptr.length - 1;
  // Squared norms with the bias feature (value 1) included; the diagonal term of the L2-loss dual is 1 / (2C).
  const diagonal = 1 / (2 * c);
  const qii = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let norm = 1;
    for (let k = indptr[i]!; k < indptr[i + 1]!; k++) norm += values[k]! * values[k]!;
    qii[i] = norm + diagonal;
  }
  const alpha = new Float64Array(n);
  const order = new Int32Array(n);
  const w = new Float64Array(dimension);
  classList.forEach((cls, done) => {
    alpha.fill(0);
    w.fill(0);
    let b = 0;
    if (options.initialAlpha) {
      alpha.set(options.initialAlpha.subarray(cls * n, (cls + 1) * n));
      for (let i = 0; i < n; i++) {
        const a = alpha[i]!;
        if (a === 0) continue;
        const step = labels[i] === cls ? a : -a;
        for (let k = indptr[i]!; k < indptr[i + 1]!; k++) w[indices[k]!]! += step * values[k]!;
        b += step;
      }
    }
    for (let i = 0; i < n; i++) order[i] = i;
    const random = mulberry32((options.seed ?? 1) + cls);
    // Shrinking (LIBLINEAR): rows whose alpha sits at 0 with a clearly positive gradient leave the active set, so
    // later passes touch only the few rows near the margin. A final full pass re-checks them before stopping.
    let active = n;
    let shrinkMax = Infinity;
    for (let pass = 0; pass < maxPasses; pass++) {
      shuffle(order, random, active);
      let maxGradient = -Infinity;
      let minGradient = Infinity;
      for (let t = 0; t < active; t++) {
        const i = order[t]!;
        const y = labels[i] === cls ? 1 : -1;
        const start = indptr[i]!;
        const end = indptr[i + 1]!;
        let score = b;
        for (let k = start; k < end; k++) score += w[indices[k]!]! * values[k]!;
        const gradient = y * score - 1 + diagonal * alpha[i]!;
        let projected = gradient;
        if (alpha[i] === 0) {
          if (gradient > shrinkMax) {
            active--;
            order[t] = order[active]!;
            order[active] = i;
            t--;
            continue;
          }
          if (gradient > 0) projected = 0;
        }
        if (projected > maxGradient) maxGradient = projected;
        if (projected < minGradient) minGradient = projected;
        if (Math.abs(projected) < 1e-12) continue;
        const before = alpha[i]!;
        const after = Math.max(before - gradient / qii[i]!, 0);
        alpha[i] = after;
        const step = (after - before) * y;
        for (let k = start; k < end; k++) w[indices[k]!]! += step * values[k]!;
        b += step;
      }
      if (maxGradient - minGradient < tolerance) {
        if (active === n) break;
        active = n;
        shrinkMax = Infinity;
        continue;
      }
      shrinkMax = maxGradient <= 0 ? Infinity : maxGradient;
    }
    options.alphaOut?.set(alpha, cls * n);
    onClass(cls, w, b);
    if (options.onClassTrained?.(done + 1, classList.length) === false) throw new TrainingCancelledError();
  });
}

/** Class scores (decision values) of one sparse row. */
export function decisionScores(model: LinearModelWeights, row: SparseVector, out = new Float64Array(model.classes)): Float64Array {
  const { indices, values } = row;
  const { weights, dimension } = model;
  for (let cls = 0; cls < model.classes; cls++) {
    const offset = cls * dimension;
    let score = model.bias[cls]!;
    for (let k = 0; k < indices.length; k++) score += weights[offset + indices[k]!]! * values[k]!;
    out[cls] = score;
  }
  return out;
}

/** Small, fast, seedable PRNG (Mulberry32). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(order: Int32Array, random: () => number, length: number): void {
  for (let i = length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = order[i]!;
    order[i] = order[j]!;
    order[j] = tmp;
  }
}
