/**
 * The risk model as a registry component (the face the workers' model registry trains, versions and promotes): its
 * training data is a scope's labelled requests (orders with chargeback or agent "fraud"/"legit" labels), replayed in
 * time order through in-memory counters and the same feature builder as the live scorer; its primary metric is the
 * out-of-fold PR-AUC.
 */
import { createHash } from 'node:crypto';
import type { TrainableComponent, TrainedArtefact, TrainingControl, TrainingSet } from '../../platform/models/trainable-component';
import { DEFAULT_COUNTER_WINDOWS, type CounterWindows } from '../features/counter-store';
import type { RiskFeatureBuilder } from '../features/feature-builder';
import { MemoryCounterStore } from '../features/memory-counter-store';
import type { LabelledRequest } from '../evaluation/fraud-dataset';
import { replayFeatures } from '../evaluation/replay';
import { RiskModel, XGBOOST_RISK_KIND, type RiskModelLoadOptions } from './risk-model';
import { trainRiskModel, type RiskTrainingOptions } from './risk-trainer';

/** Registry name of the risk model component. */
export const RISK_COMPONENT = 'risk-model';

/** Bumped when features or training change in a way that must retrain existing models. */
const TRAINING_REVISION = 1;

/** Settings of {@link RiskModelComponent}. */
export interface RiskComponentOptions {
  /** A scope's labelled requests (`null`: the platform-wide model). */
  labelledRequests: (scope: string | null) => Promise<LabelledRequest[]>;
  /** The feature builder of a scope (the live scorer's). */
  features: (scope: string | null) => RiskFeatureBuilder;
  /** Counter windows, as the live counters use them. @defaultValue DEFAULT_COUNTER_WINDOWS */
  windows?: CounterWindows;
  training?: Omit<RiskTrainingOptions, 'onProgress' | 'signal'>;
  load?: RiskModelLoadOptions;
}

/** See the file comment. */
export class RiskModelComponent implements TrainableComponent<LabelledRequest[], RiskModel> {
  readonly name = RISK_COMPONENT;
  readonly primaryMetric = 'prAuc';

  constructor(private readonly options: RiskComponentOptions) {}

  async collect(scope: string | null): Promise<TrainingSet<LabelledRequest[]>> {
    const data = await this.options.labelledRequests(scope);
    const hash = createHash('sha256').update(`${XGBOOST_RISK_KIND}\u0002${TRAINING_REVISION}\u0002${scope ?? ''}\u0002`);
    for (const line of data.map((r) => `${r.request.eventId}\u0001${r.label}\u0001${r.request.at}`).sort()) hash.update(line).update('\n');
    return { data, fingerprint: hash.digest('hex'), kind: XGBOOST_RISK_KIND };
  }

  async train(set: TrainingSet<LabelledRequest[]>, control: TrainingControl): Promise<TrainedArtefact> {
    const scope = set.data[0]?.request.workspaceId ?? null;
    const features = await replayFeatures(
      set.data.map((r) => r.request),
      new MemoryCounterStore(this.options.windows ?? DEFAULT_COUNTER_WINDOWS),
      this.options.features(scope),
    );
    const model = await trainRiskModel(
      features,
      set.data.map((r) => r.label),
      set.data.map((r) => r.userId),
      { ...this.options.training, ...(control.onProgress ? { onProgress: control.onProgress } : {}), ...(control.signal ? { signal: control.signal } : {}) },
    );
    try {
      return { artefact: model.serialize(), metrics: { ...model.metrics, thresholds: model.thresholds, modelVersion: model.version } };
    } finally {
      model.dispose();
    }
  }

  load(kind: string, artefact: Buffer): RiskModel {
    if (kind !== XGBOOST_RISK_KIND) throw new Error(`Unknown risk model kind "${kind}"; the risk component trains "${XGBOOST_RISK_KIND}"`);
    return RiskModel.load(artefact, this.options.load);
  }
}
