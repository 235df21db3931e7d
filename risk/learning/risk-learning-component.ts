/**
 * The risk model as the platform trains it (the registry's `risk-model` component): data is a workspace's logged
 * requests and reported outcomes (risk-training-set.ts); a candidate trains on all but the most recent labelled
 * rows and is measured on those (the held-out time window), where the live model is measured too, so promotion
 * compares two models on the same, newest data.
 */
import type { TrainableComponent, TrainedArtefact, TrainingControl, TrainingSet } from '../../platform/models/trainable-component';
import type { CounterWindows } from '../features/counter-store';
import type { RiskFeatureBuilder } from '../features/feature-builder';
import { averagePrecision, recallAtFpr, rocAuc } from '../evaluation/metrics';
import { RiskModel, XGBOOST_RISK_KIND, type RiskModelLoadOptions } from '../model/risk-model';
import { RISK_COMPONENT } from '../model/risk-component';
import { RiskTrainingDataError, trainRiskModel, type RiskTrainingOptions } from '../model/risk-trainer';
import type { RiskLabel } from '../platform/risk-label-store';
import type { LoggedRequest } from './risk-timeline';
import { buildTrainingSet, classCounts, trainingFingerprint, type RiskTrainingSet, type TrainingRow } from './risk-training-set';

/** Bumped when the training recipe changes in a way that must retrain existing models. */
const TRAINING_REVISION = 1;

/** Raised when a workspace has too few labels to train or to compare; the message says what is missing. */
export class InsufficientRiskLabelsError extends Error {
  override name = 'InsufficientRiskLabelsError';
}

/** Figures of a model on the held-out window. */
export interface WindowMetrics {
  prAuc: number;
  rocAuc: number;
  recallAt1pctFpr: number;
}

/** Settings of {@link RiskLearningComponent}. */
export interface RiskLearningOptions {
  /** A workspace's logged requests (by time) and outcomes (by time). */
  history: (workspaceId: string) => Promise<{ requests: LoggedRequest[]; labels: RiskLabel[] }>;
  /** The live scorer's feature builder, or each workspace's (its own IP table). */
  features: RiskFeatureBuilder | ((workspaceId: string) => Promise<RiskFeatureBuilder>);
  windows?: CounterWindows;
  /** @defaultValue 0.2 */
  holdoutFraction?: number;
  /** @defaultValue 60 */
  legitAfterDays?: number;
  /** Fraud labels needed to train. @defaultValue 20 */
  minFraudLabels?: number;
  /** Legitimate labels needed to train. @defaultValue 50 */
  minLegitLabels?: number;
  training?: Omit<RiskTrainingOptions, 'onProgress' | 'signal'>;
  load?: RiskModelLoadOptions;
  now?: () => number;
}

/** Window metrics of probabilities against labels. */
export function windowMetrics(scores: ArrayLike<number>, rows: readonly TrainingRow[]): WindowMetrics {
  const labels = rows.map((r) => r.label);
  return { prAuc: averagePrecision(scores, labels), rocAuc: rocAuc(scores, labels), recallAt1pctFpr: recallAtFpr(scores, labels, 0.01) };
}

/** See the file comment. */
export class RiskLearningComponent implements TrainableComponent<RiskTrainingSet, RiskModel> {
  readonly name = RISK_COMPONENT;
  /** Measured on the held-out window; the retrain job compares it with the live model's on the same window. */
  readonly primaryMetric = 'windowPrAuc';

  constructor(private readonly options: RiskLearningOptions) {}

  private settings(): Record<string, unknown> {
    return {
      revision: TRAINING_REVISION,
      holdoutFraction: this.options.holdoutFraction ?? 0.2,
      legitAfterDays: this.options.legitAfterDays ?? 60,
      training: this.options.training ?? {},
    };
  }

  /** The workspace's training set (`scope` must be a workspace: there is no built-in risk model). */
  async collect(scope: string | null): Promise<TrainingSet<RiskTrainingSet>> {
    if (scope === null) throw new RangeError('Risk models are trained per workspace; there is no built-in risk model');
    const { requests, labels } = await this.options.history(scope);
    const features = typeof this.options.features === 'function' ? await this.options.features(scope) : this.options.features;
    const set = await buildTrainingSet(scope, requests, labels, features, {
      holdoutFraction: this.options.holdoutFraction ?? 0.2,
      legitAfterDays: this.options.legitAfterDays ?? 60,
      ...(this.options.windows ? { windows: this.options.windows } : {}),
      now: this.options.now?.() ?? Date.now(),
    });
    return { data: set, fingerprint: trainingFingerprint(set, this.settings()), kind: XGBOOST_RISK_KIND };
  }

  /**
   * Checks that the set can train and be compared: enough frauds and legitimate rows overall, and both classes in
   * the window. @throws InsufficientRiskLabelsError saying what is missing.
   */
  check(set: RiskTrainingSet): void {
    const all = classCounts([...set.train, ...set.window]);
    const minFraud = this.options.minFraudLabels ?? 20;
    const minLegit = this.options.minLegitLabels ?? 50;
    if (all.frauds < minFraud || all.legit < minLegit) {
      throw new InsufficientRiskLabelsError(
        `workspace ${set.workspaceId} has ${all.frauds} fraud and ${all.legit} legitimate labelled requests; training needs at least ${minFraud} and ${minLegit} (report outcomes with POST /api/risk/outcomes)`,
      );
    }
    const window = classCounts(set.window);
    if (window.frauds < 2 || window.legit < 2) {
      throw new InsufficientRiskLabelsError(`the held-out window of the ${set.window.length} most recent labelled requests has ${window.frauds} frauds and ${window.legit} legitimate ones; comparing models needs at least 2 of each`);
    }
  }

  /** Trains a candidate on the older rows and measures it on the window. */
  async train(set: TrainingSet<RiskTrainingSet>, control: TrainingControl): Promise<TrainedArtefact> {
    const data = set.data;
    this.check(data);
    let model: RiskModel;
    try {
      model = await trainRiskModel(
        data.train.map((r) => r.features),
        data.train.map((r) => r.label),
        data.train.map((r) => r.group),
        { ...this.options.training, ...(control.onProgress ? { onProgress: control.onProgress } : {}), ...(control.signal ? { signal: control.signal } : {}) },
      );
    } catch (error) {
      if (error instanceof RiskTrainingDataError) throw new InsufficientRiskLabelsError(error.message);
      throw error;
    }
    try {
      const window = this.evaluate(model, data);
      const trainCounts = classCounts(data.train);
      const windowCounts = classCounts(data.window);
      return {
        artefact: model.serialize(),
        metrics: {
          windowPrAuc: window.prAuc,
          windowRocAuc: window.rocAuc,
          windowRecallAt1pctFpr: window.recallAt1pctFpr,
          windowRows: data.window.length,
          windowFrauds: windowCounts.frauds,
          windowStart: data.window[0]?.at ?? null,
          trainRows: data.train.length,
          trainFrauds: trainCounts.frauds,
          crossFitted: { rocAuc: model.metrics.rocAuc, prAuc: model.metrics.prAuc, recallAt1pctFpr: model.metrics.recallAt1pctFpr },
          thresholds: model.thresholds,
          modelVersion: model.version,
          params: model.metrics.params,
        },
      };
    } finally {
      model.dispose();
    }
  }

  /** A model's figures on the set's window. */
  evaluate(model: RiskModel, set: RiskTrainingSet): WindowMetrics {
    return windowMetrics(model.predictMany(set.window.map((r) => r.features)), set.window);
  }

  load(kind: string, artefact: Buffer): RiskModel {
    if (kind !== XGBOOST_RISK_KIND) throw new Error(`Unknown risk model kind "${kind}"; the risk component trains "${XGBOOST_RISK_KIND}"`);
    return RiskModel.load(artefact, this.options.load);
  }
}
