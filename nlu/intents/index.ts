/** Intent classification: the shared classifier face, the linear classifiers, data loading and metrics. */
export * from './intent-classifier';
export { LinearIntentClassifier, LinearIntentTrainer, linearSvmIntentTrainer, naiveBayesIntentTrainer } from './linear-intent-classifier';
export { TrainingCancelledError } from './linear-svm';
export * from './training-data';
export { computeIntentMetrics, quantile, type EvaluatedExample, type IntentMetrics } from './evaluation';
export { stratifiedHoldout } from './holdout-split';
export { intentTrainers, intentTrainer } from './intent-trainers';
export { EMBEDDING_INTENT_KINDS, IntentClassifierComponent, INTENT_COMPONENT, fingerprintExamples, type IntentComponentOptions, type IntentEmbeddingSettings } from './intent-component';
export { IntentExampleStore, type StoredIntentExample } from './intent-example-store';
export { EmbeddingIntentClassifier, EmbeddingIntentTrainer, EmbeddingMismatchError, embeddingIntentTrainers, type EmbeddingHeadOptions, type TextEmbedder } from './embedding-intent-classifier';
export { fitCalibratedLinearModel, type LinearFitter } from './calibrated-linear-fit';
