/**
 * A trained risk model: the feature encoder's vocabulary, an XGBoost booster, the Platt calibration and the decision
 * thresholds chosen on validation data, as one versioned artefact (gzip of a length-prefixed JSON header and the
 * booster in XGBoost's UBJSON format). Predictions come with per-feature SHAP contributions for explanations.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { FeatureEncoder, type FeatureVocabulary } from '../features/feature-encoder';
import type { RiskFeatures } from '../features/feature-builder';
import { calibrate, type PlattCalibration } from './platt-calibration';
import { DenseMatrix, XgboostBooster, type BoosterParams } from './xgboost-booster';
import { xgboostBinding } from './xgboost-library';

/** Artefact layout identity. */
export const RISK_ARTEFACT_FORMAT = 'polyglot-desk/risk-model';
/** Bumped when the artefact layout or the features change incompatibly. */
export const RISK_ARTEFACT_VERSION = 1;
/** Registry name of this model kind. */
export const XGBOOST_RISK_KIND = 'xgboost';

/** Raised when an artefact is not a risk model this version can load; the message says to retrain. */
export class RiskArtefactError extends Error {
  override name = 'RiskArtefactError';
}

/** Calibrated probabilities from which a decision escalates. */
export interface DecisionThresholds {
  /** At or above: `review`. */
  review: number;
  /** At or above: `decline`. */
  decline: number;
}

/** Figures measured on the validation data while training. */
export interface RiskTrainingMetrics {
  rocAuc: number;
  prAuc: number;
  recallAt1pctFpr: number;
  logLoss: number;
  validationRows: number;
  trainRows: number;
  rounds: number;
  trainSeconds: number;
  /** The booster parameters chosen on validation. */
  params: Record<string, string | number>;
}

/** The header stored in the artefact. */
interface RiskArtefactHeader {
  format: string;
  version: number;
  kind: string;
  trainedAt: string;
  vocabulary: FeatureVocabulary;
  calibration: PlattCalibration;
  thresholds: DecisionThresholds;
  metrics: RiskTrainingMetrics;
}

/** One feature's share of a score, in log-odds (positive raises the risk). */
export interface FeatureContribution {
  feature: string;
  contribution: number;
}

/** What the model says about one request. */
export interface RiskPrediction {
  /** Calibrated probability of fraud. */
  probability: number;
  /** Raw log-odds of the booster. */
  margin: number;
  /** Per feature (categorical one-hot columns summed), largest absolute first; only with `explain`. */
  contributions?: FeatureContribution[];
  /** The booster's base log-odds: with the contributions, it sums to `margin`; only with `explain`. */
  bias?: number;
}

/** Options of {@link RiskModel.load}. */
export interface RiskModelLoadOptions {
  /** Threads per prediction. @defaultValue 1 (one request is too small to share) */
  threads?: number;
  /** Path of the XGBoost library (default: found in the usual folders). */
  libraryPath?: string;
}

/** See the file comment. */
export class RiskModel {
  readonly kind = XGBOOST_RISK_KIND;
  /** Short content hash of the artefact's model: what decisions are logged with. */
  readonly version: string;
  private readonly row: Float32Array;

  constructor(
    readonly encoder: FeatureEncoder,
    private readonly booster: XgboostBooster,
    readonly calibration: PlattCalibration,
    readonly thresholds: DecisionThresholds,
    readonly metrics: RiskTrainingMetrics,
    readonly trainedAt: string,
  ) {
    this.row = new Float32Array(encoder.width);
    this.version = `${XGBOOST_RISK_KIND}-${createHash('sha256').update(booster.save()).update(JSON.stringify(calibration)).digest('hex').slice(0, 12)}`;
  }

  /** Scores one request's features. */
  predict(features: RiskFeatures, options: { explain?: boolean } = {}): RiskPrediction {
    this.encoder.encode(features, this.row);
    const matrix = DenseMatrix.create({ values: this.row, rows: 1, columns: this.encoder.width });
    try {
      if (!options.explain) {
        const margin = this.booster.predictMargins(matrix)[0]!;
        return { probability: calibrate(this.calibration, margin), margin };
      }
      const values = this.booster.contributions(matrix);
      const byFeature = new Map<string, number>();
      const bias = values[this.encoder.width]!;
      let margin = bias;
      this.encoder.columns.forEach((column, i) => {
        const v = values[i]!;
        margin += v;
        if (v !== 0) byFeature.set(column.feature, (byFeature.get(column.feature) ?? 0) + v);
      });
      const contributions = [...byFeature]
        .map(([feature, contribution]) => ({ feature, contribution }))
        .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
      return { probability: calibrate(this.calibration, margin), margin, contributions, bias };
    } finally {
      matrix.dispose();
    }
  }

  /** Calibrated probabilities of many rows at once (training and batch jobs, not the live path). */
  predictMany(rows: readonly RiskFeatures[]): Float64Array {
    const width = this.encoder.width;
    const values = new Float32Array(rows.length * width);
    rows.forEach((row, i) => this.encoder.encode(row, values, i * width));
    const matrix = DenseMatrix.create({ values, rows: rows.length, columns: width });
    try {
      const margins = this.booster.predictMargins(matrix);
      return Float64Array.from(margins, (m) => calibrate(this.calibration, m));
    } finally {
      matrix.dispose();
    }
  }

  /** The versioned artefact {@link RiskModel.load} reads. */
  serialize(): Buffer {
    const header: RiskArtefactHeader = {
      format: RISK_ARTEFACT_FORMAT,
      version: RISK_ARTEFACT_VERSION,
      kind: XGBOOST_RISK_KIND,
      trainedAt: this.trainedAt,
      vocabulary: this.encoder.vocabulary,
      calibration: this.calibration,
      thresholds: this.thresholds,
      metrics: this.metrics,
    };
    const json = Buffer.from(JSON.stringify(header), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32LE(json.length);
    return gzipSync(Buffer.concat([length, json, this.booster.save()]));
  }

  /**
   * Loads an artefact made by {@link RiskModel.serialize}.
   * @throws RiskArtefactError when it is not one, or was made for other features.
   */
  static load(artefact: Buffer, options: RiskModelLoadOptions = {}): RiskModel {
    let raw: Buffer;
    let header: RiskArtefactHeader;
    try {
      raw = gunzipSync(artefact);
      const length = raw.readUInt32LE(0);
      header = JSON.parse(raw.subarray(4, 4 + length).toString('utf8')) as RiskArtefactHeader;
      raw = raw.subarray(4 + length);
    } catch {
      throw new RiskArtefactError('This artefact is not a risk model (unreadable); retrain the risk model');
    }
    if (header?.format !== RISK_ARTEFACT_FORMAT || header.version !== RISK_ARTEFACT_VERSION || header.kind !== XGBOOST_RISK_KIND) {
      throw new RiskArtefactError(
        `Artefact ${String(header?.format)} v${String(header?.version)} (${String(header?.kind)}) is not a ${RISK_ARTEFACT_FORMAT} v${RISK_ARTEFACT_VERSION} (${XGBOOST_RISK_KIND}); retrain the risk model`,
      );
    }
    let encoder: FeatureEncoder;
    try {
      encoder = new FeatureEncoder(header.vocabulary);
    } catch (error) {
      throw new RiskArtefactError((error as Error).message);
    }
    const params: BoosterParams = { nthread: options.threads ?? 1 };
    const booster = XgboostBooster.load(raw, params, xgboostBinding(options.libraryPath));
    return new RiskModel(encoder, booster, header.calibration, header.thresholds, header.metrics, header.trainedAt);
  }

  /** Frees the booster's C memory; the model cannot predict afterwards. */
  dispose(): void {
    this.booster.dispose();
  }
}
