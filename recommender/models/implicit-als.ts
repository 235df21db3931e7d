/**
 * Latent factors by implicit alternating least squares (Hu, Koren & Volinsky 2008), solved with a few conjugate
 * gradient steps per row warm-started from the previous sweep (Takacs et al. 2011, as the `implicit` library
 * does). The dense part of every CG step (all rows times `Y^T Y + lambda I`) and the Gram matrices are native
 * matrix products (ONNX Runtime, see matrix-product.ts); each row's sparse part is JavaScript. Serving folds the
 * shopper in from their history: one f x f Cholesky solve with the shopper's confidences (recent items weigh
 * more), then a dot product with every item's factors (batched evaluation: one native product for many
 * shoppers). The same solve gives the exact share of each history item in a score (the paper's explanation), used
 * for "because you looked at ...".
 */
import type { InteractionData } from '../data/interaction-data';
import { packRecommenderArtefact, section, unpackRecommenderArtefact } from './artefact-codec';
import { cholesky, choleskySolve, dot, gram, multiplyRows, seededRandom } from './dense-linear-algebra';
import { MatrixProduct, NATIVE_MIN_WORK } from './matrix-product';
import {
  checkCancelled,
  recencyWeights,
  RecommenderModel,
  yieldToEventLoop,
  type FitOptions,
  type RecommenderMetrics,
  type RecommenderTrainer,
  type ScoringContext,
} from './recommender-model';

/** Hyperparameters of implicit ALS. */
export interface AlsParams {
  /** Latent dimensions. */
  factors: number;
  /** L2 regularisation. */
  regularization: number;
  /** Confidence of an interaction: 1 + alpha * (number of interactions). */
  alpha: number;
  /** Alternating sweeps. */
  iterations: number;
  /** Sweeps when warm-started from an earlier model ({@link FitOptions.warmStart}). */
  warmIterations: number;
  /** Conjugate-gradient steps per row and sweep. */
  cgSteps: number;
  /** Seed of the initial factors. */
  seed: number;
  /** At serving, how many recent history items the shopper is folded in from. */
  historyLength: number;
  /** At serving, the confidence of an older item relative to the next newer one. */
  recencyDecay: number;
}

/** Registry name of the ALS model. */
export const ALS_KIND = 'implicit-als';
const VERSION = 1;

/** Timing of the hand-written kernels in the last fit (seconds). */
export interface AlsKernelTimes {
  gramSeconds: number;
  conjugateGradientSeconds: number;
}

/** See the file comment. */
export class AlsModel extends RecommenderModel<AlsParams> {
  readonly kind = ALS_KIND;
  readonly version = VERSION;
  /** Time the training kernels took in the fit that made this model (absent for a loaded model). */
  kernelTimes?: AlsKernelTimes;
  /** Whether that fit's matrix products ran natively (ONNX Runtime) rather than in JavaScript. */
  nativeProducts?: boolean;
  private readonly work: Float64Array;
  private readonly rhs: Float64Array;
  /** The history whose system `work` holds factorised. */
  private factorised?: Int32Array;

  constructor(
    itemIds: readonly string[],
    params: AlsParams,
    /** Item factors, row-major (item * factors). */
    readonly itemFactors: Float32Array,
    /** `Y^T Y`, precomputed for fold-in. */
    readonly itemGram: Float64Array,
    /** Runs the batched products; models made from one another share it (and its native sessions). */
    private readonly product: MatrixProduct = new MatrixProduct(),
  ) {
    super(itemIds, [], params);
    this.work = new Float64Array(params.factors * params.factors);
    this.rhs = new Float64Array(params.factors);
  }

  /** The same factors scored with other serving parameters. */
  override withParams(params: AlsParams): AlsModel {
    return new AlsModel(this.itemIds, params, this.itemFactors, this.itemGram, this.product);
  }

  /** Confidence of each history position (0 for positions not used). */
  private confidences(history: Int32Array): Float64Array {
    const w = recencyWeights(history.length, this.params.recencyDecay, this.params.historyLength);
    for (let t = 0; t < w.length; t++) if (w[t]! > 0) w[t] = 1 + this.params.alpha * w[t]!;
    return w;
  }

  /** Factorises the shopper's system into `this.work`; false for an empty history. */
  private factorise(history: Int32Array, conf: Float64Array): boolean {
    const f = this.params.factors;
    const a = this.work;
    a.set(this.itemGram);
    for (let d = 0; d < f; d++) a[d * f + d]! += this.params.regularization;
    let any = false;
    for (let t = 0; t < history.length; t++) {
      const c = conf[t]!;
      if (c <= 0) continue;
      any = true;
      const base = history[t]! * f;
      for (let x = 0; x < f; x++) {
        const yx = (c - 1) * this.itemFactors[base + x]!;
        for (let z = 0; z <= x; z++) a[x * f + z]! += yx * this.itemFactors[base + z]!;
      }
    }
    this.factorised = any && cholesky(a, f) ? history : undefined;
    return this.factorised !== undefined;
  }

  /** The shopper's latent vector folded in from `history` into `out` (zeros for an empty history). */
  private foldIn(history: Int32Array, out: Float64Array): void {
    const f = this.params.factors;
    const conf = this.confidences(history);
    out.fill(0);
    if (!this.factorise(history, conf)) return;
    for (let t = 0; t < history.length; t++) {
      const c = conf[t]!;
      if (c <= 0) continue;
      const base = history[t]! * f;
      for (let x = 0; x < f; x++) out[x]! += c * this.itemFactors[base + x]!;
    }
    choleskySolve(this.work, f, out);
  }

  scoreInto(history: Int32Array, out: Float32Array, _context: ScoringContext): void {
    this.foldIn(history, this.rhs);
    multiplyRows(this.itemFactors, this.itemCount, this.params.factors, this.rhs, out);
  }

  /**
   * Serving: the fold-in in JavaScript, then the shopper vector against every item factor through the native
   * product (onnxruntime's SIMD GEMM: 0.7 ms against 7 ms in JavaScript for 100,000 items x 64 factors measured
   * here) once the catalogue is large enough for the thread hand-off to pay; the JavaScript kernel below that.
   */
  override async scoreOne(history: Int32Array, out: Float32Array, _context: ScoringContext): Promise<void> {
    const f = this.params.factors;
    this.foldIn(history, this.rhs);
    if (this.itemCount * f < NATIVE_MIN_WORK) {
      multiplyRows(this.itemFactors, this.itemCount, f, this.rhs, out);
      return;
    }
    const user = Float32Array.from(this.rhs);
    out.set(await this.product.multiply(user, this.itemFactors, { m: 1, k: f, n: this.itemCount, transB: true }));
  }

  /** Folds every shopper in (JavaScript, f x f each), then one native product with all item factors. */
  override async scoreBatch(histories: readonly Int32Array[], _contexts: readonly ScoringContext[], out: Float32Array): Promise<void> {
    const f = this.params.factors;
    const users = new Float32Array(histories.length * f);
    histories.forEach((history, b) => {
      this.foldIn(history, this.rhs);
      for (let x = 0; x < f; x++) users[b * f + x] = this.rhs[x]!;
    });
    out.set(await this.product.multiply(users, this.itemFactors, { m: histories.length, k: f, n: this.itemCount, transB: true }));
  }

  /**
   * Times the hand-written serving kernels over `histories` (milliseconds per shopper): the fold-in (an f x f
   * system built and Cholesky-solved) and the scoring of every item (one shopper vector against all item factors).
   */
  measureServingKernels(histories: readonly Int32Array[]): { foldInMs: number; scoreAllItemsMs: number } {
    const x = new Float64Array(this.params.factors);
    const out = new Float32Array(this.itemCount);
    let foldIn = 0;
    let score = 0;
    for (const history of histories) {
      const t0 = performance.now();
      this.foldIn(history, x);
      const t1 = performance.now();
      multiplyRows(this.itemFactors, this.itemCount, this.params.factors, x, out);
      score += performance.now() - t1;
      foldIn += t1 - t0;
    }
    const n = Math.max(1, histories.length);
    return { foldInMs: foldIn / n, scoreAllItemsMs: score / n };
  }

  contributions(history: Int32Array, item: number, _context: ScoringContext): Float64Array {
    const f = this.params.factors;
    const conf = this.confidences(history);
    const parts = new Float64Array(history.length);
    // recommend() asks for every returned item right after scoring the same history: reuse that factorisation.
    if (this.factorised !== history && !this.factorise(history, conf)) return parts;
    // score = sum_t c_t * y_item^T W^-1 y_t; solve W v = y_item once.
    const v = new Float64Array(f);
    for (let x = 0; x < f; x++) v[x] = this.itemFactors[item * f + x]!;
    choleskySolve(this.work, f, v);
    for (let t = 0; t < history.length; t++) {
      const c = conf[t]!;
      if (c <= 0) continue;
      parts[t] = c * dot(v, 0, this.itemFactors, history[t]! * f, f);
    }
    return parts;
  }

  serialize(): Buffer {
    return packRecommenderArtefact(
      { kind: this.kind, version: this.version, params: this.params, ...(this.metrics ? { metrics: this.metrics } : {}), itemIds: this.itemIds },
      { itemFactors: this.itemFactors, itemGram: this.itemGram },
    );
  }
}

/** Rows of a sparse matrix with confidences (CSR). */
interface ConfidenceRows {
  offsets: Int32Array;
  columns: Int32Array;
  confidence: Float32Array;
}

/**
 * One sweep over the rows of `x`: a few conjugate-gradient steps per row towards the least-squares solution given
 * `y`, all rows in lock step so that the dense part of every step, `P (Y^T Y + lambda I)` for all rows at once, is
 * one matrix product (native); the sparse part (each row's own items) runs here.
 */
async function conjugateGradientSweep(
  x: Float32Array,
  y: Float32Array,
  rows: ConfidenceRows,
  shiftedGram: Float32Array,
  f: number,
  steps: number,
  product: MatrixProduct,
): Promise<void> {
  const count = rows.offsets.length - 1;
  const shape = { m: count, k: f, n: f };
  const r = new Float32Array(count * f);
  const p = new Float32Array(count * f);
  const rs = new Float64Array(count);
  // r = b - A x, with A = YtY + lambda I + sum (c - 1) y y^T and b = sum c y.
  const ax = await product.multiply(x, shiftedGram, shape);
  for (let u = 0; u < count; u++) {
    const base = u * f;
    const start = rows.offsets[u]!;
    const end = rows.offsets[u + 1]!;
    if (start === end) {
      x.fill(0, base, base + f);
      continue;
    }
    for (let a = 0; a < f; a++) r[base + a] = -ax[base + a]!;
    for (let q = start; q < end; q++) {
      const c = rows.confidence[q]!;
      const ib = rows.columns[q]! * f;
      const k = c - (c - 1) * dot(y, ib, x, base, f);
      for (let a = 0; a < f; a++) r[base + a]! += k * y[ib + a]!;
    }
    p.set(r.subarray(base, base + f), base);
    rs[u] = dot(r, base, r, base, f);
  }
  for (let step = 0; step < steps; step++) {
    const ap = await product.multiply(p, shiftedGram, shape);
    for (let u = 0; u < count; u++) {
      const rsOld = rs[u]!;
      if (rsOld < 1e-20) continue;
      const base = u * f;
      for (let q = rows.offsets[u]!; q < rows.offsets[u + 1]!; q++) {
        const c = rows.confidence[q]!;
        const ib = rows.columns[q]! * f;
        const k = (c - 1) * dot(y, ib, p, base, f);
        for (let a = 0; a < f; a++) ap[base + a]! += k * y[ib + a]!;
      }
      const pAp = dot(p, base, ap, base, f);
      if (!(pAp > 0)) {
        rs[u] = 0;
        continue;
      }
      const alpha = rsOld / pAp;
      let rsNew = 0;
      for (let a = 0; a < f; a++) {
        x[base + a]! += alpha * p[base + a]!;
        const ra = r[base + a]! - alpha * ap[base + a]!;
        r[base + a] = ra;
        rsNew += ra * ra;
      }
      const beta = rsNew / rsOld;
      for (let a = 0; a < f; a++) p[base + a] = r[base + a]! + beta * p[base + a]!;
      rs[u] = rsNew;
    }
  }
}

/** `Y^T Y + lambda I` (f x f) as float32, the dense part of every row's system. */
async function shiftedGram(y: Float32Array, rows: number, f: number, lambda: number, product: MatrixProduct): Promise<Float32Array> {
  const g = await product.multiply(y, y, { m: f, k: rows, n: f, transA: true });
  for (let d = 0; d < f; d++) g[d * f + d]! += lambda;
  return g;
}

/** Builds the user x item confidence rows and their transpose. */
function confidenceMatrices(data: InteractionData, alpha: number): { users: ConfidenceRows; items: ConfidenceRows } {
  const n = data.itemCount;
  const counts = new Map<number, number>();
  const uOffsets = new Int32Array(data.userCount + 1);
  const uCols: number[] = [];
  const uConf: number[] = [];
  for (let u = 0; u < data.userCount; u++) {
    counts.clear();
    for (const i of data.sequence(u)) counts.set(i, (counts.get(i) ?? 0) + 1);
    for (const [i, c] of counts) {
      uCols.push(i);
      uConf.push(1 + alpha * c);
    }
    uOffsets[u + 1] = uCols.length;
  }
  const iOffsets = new Int32Array(n + 1);
  for (const i of uCols) iOffsets[i + 1]!++;
  for (let i = 0; i < n; i++) iOffsets[i + 1]! += iOffsets[i]!;
  const iCols = new Int32Array(uCols.length);
  const iConf = new Float32Array(uCols.length);
  const fill = iOffsets.slice(0, n);
  for (let u = 0; u < data.userCount; u++) {
    for (let q = uOffsets[u]!; q < uOffsets[u + 1]!; q++) {
      const slot = fill[uCols[q]!]!++;
      iCols[slot] = u;
      iConf[slot] = uConf[q]!;
    }
  }
  return {
    users: { offsets: uOffsets, columns: Int32Array.from(uCols), confidence: Float32Array.from(uConf) },
    items: { offsets: iOffsets, columns: iCols, confidence: iConf },
  };
}

function sameItems(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** See the file comment. */
export class AlsTrainer implements RecommenderTrainer<AlsParams> {
  readonly kind = ALS_KIND;
  readonly defaults: AlsParams = { factors: 64, regularization: 1, alpha: 30, iterations: 10, warmIterations: 4, cgSteps: 3, seed: 42, historyLength: 3, recencyDecay: 0.5 };
  /**
   * Each value of a fitted hyperparameter costs a full fit, so the search tries only the confidence scaling (the
   * one that mattered on the Amazon validation splits; regularisation between 0.1 and 10 changed HR@10 by < 0.001)
   * and the cheap serving parameters.
   */
  readonly searchSpace = {
    alpha: [10, 30, 100],
    historyLength: [1, 3, 10],
    recencyDecay: [0.3, 0.5, 0.8],
  };
  readonly scoringParams: readonly (keyof AlsParams)[] = ['historyLength', 'recencyDecay'];
  /** Shared by the models this trainer fits. */
  private readonly product = new MatrixProduct();

  async fit(data: InteractionData, params: AlsParams, control?: FitOptions): Promise<AlsModel> {
    const f = params.factors;
    const { users, items } = confidenceMatrices(data, params.alpha);
    const random = seededRandom(params.seed);
    const userFactors = new Float32Array(data.userCount * f);
    const warm = control?.warmStart;
    const warmFits = warm instanceof AlsModel && warm.params.factors === f && sameItems(warm.itemIds, data.itemIds);
    const itemFactors = warmFits ? warm.itemFactors.slice() : Float32Array.from({ length: data.itemCount * f }, () => (random() - 0.5) * 0.02);
    const iterations = warmFits ? params.warmIterations : params.iterations;
    const times = { gramSeconds: 0, conjugateGradientSeconds: 0 };
    const lambda = params.regularization;
    for (let it = 0; it < iterations; it++) {
      checkCancelled(control);
      let t = performance.now();
      let g = await shiftedGram(itemFactors, data.itemCount, f, lambda, this.product);
      times.gramSeconds += (performance.now() - t) / 1000;
      t = performance.now();
      await conjugateGradientSweep(userFactors, itemFactors, users, g, f, params.cgSteps, this.product);
      times.conjugateGradientSeconds += (performance.now() - t) / 1000;
      checkCancelled(control);
      t = performance.now();
      g = await shiftedGram(userFactors, data.userCount, f, lambda, this.product);
      times.gramSeconds += (performance.now() - t) / 1000;
      t = performance.now();
      await conjugateGradientSweep(itemFactors, userFactors, items, g, f, params.cgSteps, this.product);
      times.conjugateGradientSeconds += (performance.now() - t) / 1000;
      control?.onProgress?.((it + 1) / iterations);
      await yieldToEventLoop();
    }
    const model = new AlsModel(data.itemIds, { ...params }, itemFactors, gram(itemFactors, data.itemCount, f), this.product);
    model.kernelTimes = times;
    model.nativeProducts = this.product.native;
    return model;
  }

  load(artefact: Uint8Array): AlsModel {
    const { header, sections } = unpackRecommenderArtefact<AlsParams, RecommenderMetrics>(artefact, ALS_KIND, VERSION);
    const model = new AlsModel(header.itemIds, header.params, section(sections, 'itemFactors', Float32Array, ALS_KIND), section(sections, 'itemGram', Float64Array, ALS_KIND));
    if (header.metrics) model.metrics = header.metrics;
    return model;
  }
}
