/**
 * The messages between the runtime (main thread) and a model worker thread, and the inputs and outputs of each task.
 * A task has an entry in {@link TaskIO}, a loader in `worker-tasks.ts`, and a main-thread facade
 * (`FeatureExtractor`, `TranslationModel`).
 */
import type { ModelDevice, ModelDtype } from './runtime-options';
import type { PipelineLanguages } from './translation-languages';

/** Input and output of one batch, per task. */
export interface TaskIO {
  'feature-extraction': {
    /** Texts of the batch, and per text whether to L2-normalise its vector. */
    input: { texts: string[]; normalize: boolean[] };
    /** Mean-pooled vectors, row-major: `data.length === texts.length * dimension`. */
    output: { dimension: number; data: Float32Array };
  };
  translation: {
    /**
     * Texts of the batch, all in the same language pair; the pair as the model family names it (see
     * `translation-languages.ts`), and the most tokens to generate per text.
     */
    input: { texts: string[]; languages: PipelineLanguages; maxNewTokens: number };
    /** One translation per text, in order. */
    output: { translations: string[] };
  };
}

/** A task the runtime can run (a transformers.js pipeline name). */
export type ModelTask = keyof TaskIO;

/** Input of one batch of task `T`. */
export type TaskInput<T extends ModelTask> = TaskIO[T]['input'];

/** Output of one batch of task `T`. */
export type TaskOutput<T extends ModelTask> = TaskIO[T]['output'];

/** What a worker is started with (its `workerData`). */
export interface WorkerSetup {
  task: ModelTask;
  modelId: string;
  folder: string;
  allowRemote: boolean;
  device: ModelDevice;
  dtype: ModelDtype;
  /** onnxruntime intra-op threads of this worker's session, so that `threads` workers share the cores. */
  intraOpThreads: number;
}

/** An error as it crosses the thread boundary (class instances do not survive structured cloning). */
export interface SerializedError {
  name: string;
  message: string;
}

/** Main thread -> worker: run one batch, or free the model and exit. */
export type ControlMessage = { type: 'run'; id: number; input: TaskInput<ModelTask> } | { type: 'close' };

/** Worker -> main thread. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'load-failed'; error: SerializedError }
  | { type: 'result'; id: number; output: TaskOutput<ModelTask> }
  | { type: 'run-failed'; id: number; error: SerializedError };
