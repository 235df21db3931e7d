/**
 * Gradient-boosted trees from the XGBoost C library: a dense matrix, and a booster that trains round by round,
 * predicts margins and SHAP feature contributions (TreeSHAP, `pred_contribs`), and saves to / loads from a buffer
 * (UBJSON, XGBoost's own versioned model format). C handles are freed by `dispose()`, or by the garbage collector
 * as a safety net.
 */
import { check, copyBytes, copyFloats, xgboostBinding, type XgbHandle, type XgboostBinding } from './xgboost-library';

/** XGBoost's `option_mask` bits of `XGBoosterPredict`. */
const OUTPUT_MARGIN = 1;
const PRED_CONTRIBS = 4;

/** Booster parameters as XGBoost names them (`max_depth`, `eta`, `objective`, ...). */
export type BoosterParams = Readonly<Record<string, string | number>>;

/** Rows of equal-length feature vectors, row-major; `NaN` is a missing value. */
export interface DenseRows {
  values: Float32Array;
  rows: number;
  columns: number;
}

const matrixRegistry = new FinalizationRegistry<{ binding: XgboostBinding; handle: XgbHandle }>(({ binding, handle }) => {
  binding.freeMatrix(handle);
});
const boosterRegistry = new FinalizationRegistry<{ binding: XgboostBinding; handle: XgbHandle }>(({ binding, handle }) => {
  binding.freeBooster(handle);
});

/** An XGBoost DMatrix over dense rows, optionally labelled. */
export class DenseMatrix {
  private constructor(
    private readonly binding: XgboostBinding,
    private handleValue: XgbHandle | null,
    readonly rows: number,
    readonly columns: number,
  ) {}

  /**
   * Copies `data` into a new matrix (missing values are `NaN`), with `labels` (0/1 for the binary objective) and
   * `weights` when given.
   */
  static create(data: DenseRows, labels?: ArrayLike<number>, weights?: ArrayLike<number>, threads = 1, binding = xgboostBinding()): DenseMatrix {
    if (data.values.length !== data.rows * data.columns) throw new RangeError(`Expected ${data.rows * data.columns} values, got ${data.values.length}`);
    const out: [XgbHandle] = [null];
    check(binding, binding.createFromMat(data.values, data.rows, data.columns, Number.NaN, out, threads), 'XGDMatrixCreateFromMat_omp');
    const matrix = new DenseMatrix(binding, out[0], data.rows, data.columns);
    matrixRegistry.register(matrix, { binding, handle: out[0] }, matrix);
    if (labels) matrix.setInfo('label', labels);
    if (weights) matrix.setInfo('weight', weights);
    return matrix;
  }

  /** The C handle. @throws Error after `dispose()`. */
  get handle(): XgbHandle {
    if (this.handleValue === null) throw new Error('This matrix was disposed');
    return this.handleValue;
  }

  private setInfo(field: string, values: ArrayLike<number>): void {
    if (values.length !== this.rows) throw new RangeError(`${field}: expected ${this.rows} values, got ${values.length}`);
    const array = Float32Array.from(values);
    check(this.binding, this.binding.setFloatInfo(this.handle, field, array, array.length), 'XGDMatrixSetFloatInfo');
  }

  /** Frees the C matrix now. */
  dispose(): void {
    if (this.handleValue === null) return;
    matrixRegistry.unregister(this);
    this.binding.freeMatrix(this.handleValue);
    this.handleValue = null;
  }
}

/** A gradient-boosted tree ensemble. */
export class XgboostBooster {
  private constructor(
    private readonly binding: XgboostBinding,
    private handleValue: XgbHandle | null,
  ) {
    boosterRegistry.register(this, { binding, handle: handleValue }, this);
  }

  /**
   * A booster ready to train. `cached` are the matrices it will train on or predict on repeatedly (the training
   * matrix, a validation matrix): XGBoost keeps their predictions up to date round by round. They must stay alive
   * while the booster uses them.
   */
  static create(cached: readonly DenseMatrix[], params: BoosterParams, binding = xgboostBinding()): XgboostBooster {
    const out: [XgbHandle] = [null];
    check(binding, binding.createBooster(cached.map((m) => m.handle), cached.length, out), 'XGBoosterCreate');
    const booster = new XgboostBooster(binding, out[0]);
    booster.setParams(params);
    return booster;
  }

  /**
   * Loads a model saved by {@link XgboostBooster.save}.
   * @throws XgboostCallError when the buffer is not an XGBoost model.
   */
  static load(model: Buffer, params: BoosterParams = {}, binding = xgboostBinding()): XgboostBooster {
    const out: [XgbHandle] = [null];
    check(binding, binding.createBooster([], 0, out), 'XGBoosterCreate');
    const booster = new XgboostBooster(binding, out[0]);
    try {
      check(binding, binding.loadFromBuffer(out[0], model, model.length), 'XGBoosterLoadModelFromBuffer');
    } catch (error) {
      booster.dispose();
      throw error;
    }
    booster.setParams(params);
    return booster;
  }

  private get handle(): XgbHandle {
    if (this.handleValue === null) throw new Error('This booster was disposed');
    return this.handleValue;
  }

  /** Sets booster parameters (e.g. `nthread` after loading). */
  setParams(params: BoosterParams): void {
    for (const [name, value] of Object.entries(params)) {
      check(this.binding, this.binding.setParam(this.handle, name, String(value)), `XGBoosterSetParam(${name})`);
    }
  }

  /** Runs boosting round `iteration` (0-based) on `train`. */
  updateOneIteration(iteration: number, train: DenseMatrix): void {
    check(this.binding, this.binding.updateOneIter(this.handle, iteration, train.handle), 'XGBoosterUpdateOneIter');
  }

  /** Number of boosting rounds in the model. */
  get rounds(): number {
    const out: [number] = [0];
    check(this.binding, this.binding.boostedRounds(this.handle, out), 'XGBoosterBoostedRounds');
    return out[0];
  }

  /** A new booster with only the first `rounds` rounds (early stopping keeps the best prefix). */
  slice(rounds: number): XgboostBooster {
    const out: [XgbHandle] = [null];
    check(this.binding, this.binding.slice(this.handle, 0, rounds, 1, out), 'XGBoosterSlice');
    return new XgboostBooster(this.binding, out[0]);
  }

  /** Raw scores (log-odds for `binary:logistic`) of every row, using the first `rounds` rounds (0: all). */
  predictMargins(matrix: DenseMatrix, rounds = 0): Float32Array {
    return this.predict(matrix, OUTPUT_MARGIN, rounds, matrix.rows);
  }

  /**
   * SHAP contributions (exact TreeSHAP) in margin units: `rows x (columns + 1)` values, row-major, the last of each
   * row being the bias; a row's values sum to its margin.
   */
  contributions(matrix: DenseMatrix): Float32Array {
    return this.predict(matrix, PRED_CONTRIBS, 0, matrix.rows * (matrix.columns + 1));
  }

  private predict(matrix: DenseMatrix, mask: number, rounds: number, expected: number): Float32Array {
    const length: [number | bigint] = [0];
    const result: [unknown] = [null];
    check(this.binding, this.binding.predict(this.handle, matrix.handle, mask, rounds, 0, length, result), 'XGBoosterPredict');
    const n = Number(length[0]);
    if (n !== expected) throw new RangeError(`XGBoosterPredict returned ${n} values, expected ${expected}`);
    return copyFloats(result[0], n);
  }

  /** The model in XGBoost's UBJSON format (versioned by XGBoost itself; loads in any later XGBoost). */
  save(): Buffer {
    const length: [number | bigint] = [0];
    const data: [unknown] = [null];
    check(this.binding, this.binding.saveToBuffer(this.handle, JSON.stringify({ format: 'ubj' }), length, data), 'XGBoosterSaveModelToBuffer');
    return copyBytes(data[0], Number(length[0]));
  }

  /** Frees the C booster now. */
  dispose(): void {
    if (this.handleValue === null) return;
    boosterRegistry.unregister(this);
    this.binding.freeBooster(this.handleValue);
    this.handleValue = null;
  }
}
