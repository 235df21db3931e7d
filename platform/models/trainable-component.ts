/**
 * The face of every learned component the model registry trains, versions and promotes (intent classifiers now;
 * retrievers, recommenders and risk models later): it gathers its training data for a scope, trains an artefact
 * with metrics, and loads an artefact back.
 */

/** Training data gathered for one scope, with the fingerprint that says whether it changed. */
export interface TrainingSet<TData> {
  data: TData;
  /** sha256 (hex) of everything that determines the model: data, component kind and its settings. */
  fingerprint: string;
  /** Registry name of the algorithm, e.g. `linear-svm`. */
  kind: string;
}

/** What a training run produced. */
export interface TrainedArtefact {
  artefact: Buffer;
  /** Must include the component's primary metric (see `primaryMetric`), higher is better. */
  metrics: Record<string, unknown>;
}

/** Progress and cancellation of a training run. */
export interface TrainingControl {
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** A component the registry can train. */
export interface TrainableComponent<TData, TModel> {
  /** Registry name, e.g. `intent-classifier`. */
  readonly name: string;
  /** Metric compared for promotion (higher is better), e.g. `accuracy`. */
  readonly primaryMetric: string;
  /** Gathers the training data of a scope (`null`: the built-in model). */
  collect(scope: string | null): Promise<TrainingSet<TData>>;
  train(set: TrainingSet<TData>, control: TrainingControl): Promise<TrainedArtefact>;
  load(kind: string, artefact: Buffer): TModel;
}
