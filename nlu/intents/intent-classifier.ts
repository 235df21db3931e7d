/**
 * The face every intent classifier shares (Rasa's component shape, Botpress's `IntentClassifier`): a registry name,
 * `train` with progress and cancellation, `serialize` to a versioned artefact, `load` one back, and `predict`.
 */

/** The label of messages the bot should not try to answer. CLINC150's `oos` maps to it. */
export const OUT_OF_SCOPE = 'out_of_scope';

/** One labelled training or test message. */
export interface IntentExample {
  text: string;
  intent: string;
  /** ISO 639-1 language, when known (used for per-language metrics). */
  language?: string;
}

/** An intent with its calibrated probability. */
export interface RankedIntent {
  intent: string;
  confidence: number;
}

/** What a classifier says about one message. */
export interface IntentPrediction {
  /** The decided intent: `out_of_scope` when the model predicts it or the confidence is below the threshold. */
  intent: string;
  /** Calibrated probability of the best in-model intent (0..1). */
  confidence: number;
  /** The best few intents, most likely first (before the out-of-scope threshold is applied). */
  ranking: RankedIntent[];
}

/** Options for training. */
export interface IntentTrainingOptions {
  /**
   * Data to calibrate confidences and choose the out-of-scope threshold on. When absent, a stratified fifth of the
   * training data is held out for that (and for the held-out metrics), then the model is refitted on everything.
   */
  validation?: readonly IntentExample[];
  /**
   * Expected share of out-of-scope messages in real traffic; the threshold maximises
   * `(1 - share) * inScopeAccuracy + share * outOfScopeRecall` on the calibration data. @defaultValue 0.1
   */
  outOfScopeShare?: number;
  /** Progress from 0 to 1. */
  onProgress?: (fraction: number) => void;
  /** Cancels training (throws `TrainingCancelledError`). */
  signal?: AbortSignal;
}

/** Figures measured on the held-out or validation data while training. */
export interface IntentTrainingMetrics {
  /** In-scope accuracy on the calibration data (out-of-scope predictions count as wrong). */
  accuracy: number;
  /** Share of out-of-scope calibration examples predicted as out of scope, when there were any. */
  outOfScopeRecall?: number;
  /** Number of calibration examples. */
  examples: number;
  /** Seconds spent training, calibration included. */
  trainSeconds: number;
}

/** A trained, ready-to-use classifier. */
export interface IntentClassifier {
  /** Registry name of the component that made it, e.g. `linear-svm`. */
  readonly kind: string;
  /** Intents it knows (out_of_scope included when it was trained with examples of it). */
  readonly intents: readonly string[];
  /** Metrics measured while training. */
  readonly metrics: IntentTrainingMetrics;
  /**
   * The sentence-embedding model whose vector `predict` needs, computed from `embeddingInput(text)`; absent for
   * classifiers that read only the text (then `predict` is all it takes).
   */
  readonly embeddingModel?: string;
  /** The text as the embedding model should see it (e.g. with an instruction prefix). */
  embeddingInput?(text: string): string;
  /** Decides the intent; `embedding` is required exactly when `embeddingModel` is set. */
  predict(text: string, embedding?: Float32Array): IntentPrediction;
  /** A self-describing artefact that the matching trainer's `load` accepts. */
  serialize(): Buffer;
}

/** Trains and loads one kind of classifier. */
export interface IntentClassifierTrainer {
  readonly kind: string;
  train(examples: readonly IntentExample[], options?: IntentTrainingOptions): Promise<IntentClassifier>;
  load(artefact: Buffer): IntentClassifier;
}

/** Raised when an artefact does not fit the trainer asked to load it. */
export class ArtefactFormatError extends Error {
  override name = 'ArtefactFormatError';
}
