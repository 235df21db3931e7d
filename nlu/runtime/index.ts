/**
 * The transformer model runtime: models from a local hub-layout folder, run with transformers.js + onnxruntime-node
 * in worker threads, concurrent requests merged into micro-batches, one shared instance per model: sentence embeddings
 * (`feature-extraction`) and machine translation (`translation`).
 */
export { TransformerModelRuntime, type ModelOverrides, type TranslatorOverrides } from './transformer-model-runtime';
export { TranslationModel, SEQ2SEQ_SESSIONS, type TranslateOptions, type TranslationModelSpec, type TranslationModelStats } from './translation-model';
export {
  familyLanguages,
  familySupports,
  opusMtPair,
  pipelineLanguages,
  resolveTranslationFamily,
  translationFamilyOf,
  TranslationLanguageError,
  type PipelineLanguages,
  type TranslationFamily,
} from './translation-languages';
export { FeatureExtractor, type EmbedOptions, type FeatureExtractorStats, type ModelSpec } from './feature-extractor';
export { MicroBatcher, type BatchInfo, type BatchStats, type MicroBatcherOptions } from './micro-batcher';
export {
  DEFAULT_RUNTIME_OPTIONS,
  resolveRuntimeOptions,
  runtimeOptionsFromConfig,
  type ModelDevice,
  type ModelDtype,
  type ModelRuntimeOptions,
} from './runtime-options';
export {
  InvalidModelIdError,
  ModelClosedError,
  ModelDeviceError,
  ModelNotFoundError,
  ModelWorkerError,
  WorkerScriptError,
} from './runtime-errors';
export { assertModelFiles, modelDirectory, requiredModelFiles } from './model-files';
export { assertDeviceSupported } from './device-support';
export { downloadModel, ModelDownloadError, type DownloadOptions, type ModelFile } from './model-download';
export type { ModelTask } from './worker-protocol';
