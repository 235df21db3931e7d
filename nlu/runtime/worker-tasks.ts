/**
 * What a worker thread does for each task: load the transformers.js pipeline once, then run batches. Runs only
 * inside model workers (see `model-worker.ts`); the main thread never loads a model.
 */
import { env, pipeline } from '@huggingface/transformers';
import { loadTranslation } from './translation-task';
import type { ModelTask, TaskInput, TaskOutput, WorkerSetup } from './worker-protocol';

/** The result of one batch and the buffers to transfer (not copy) back to the main thread. */
export interface BatchResult<T extends ModelTask> {
  output: TaskOutput<T>;
  transfer: ArrayBuffer[];
}

/** A loaded model: runs one batch at a time, and frees its ONNX session on `dispose`. */
export interface LoadedTask<T extends ModelTask> {
  run(input: TaskInput<T>): Promise<BatchResult<T>>;
  dispose(): Promise<void>;
}

/** Points transformers.js at the models folder; `allowRemote` decides whether it may download into it. */
export function configureTransformers(setup: WorkerSetup): void {
  env.localModelPath = setup.folder;
  env.allowLocalModels = true;
  env.allowRemoteModels = setup.allowRemote;
  // Downloads land in the same hub layout (<folder>/<org>/<name>/...), so the next start finds them locally.
  env.cacheDir = setup.folder;
}

/** L2-normalises `row` in place (as the pipeline's `normalize: true` does). */
function normalizeInPlace(row: Float32Array): void {
  let sum = 0;
  for (const value of row) sum += value * value;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < row.length; i++) row[i] = (row[i] ?? 0) / norm;
}

async function loadFeatureExtraction(setup: WorkerSetup): Promise<LoadedTask<'feature-extraction'>> {
  const extractor = await pipeline('feature-extraction', setup.modelId, {
    device: setup.device,
    dtype: setup.dtype,
    session_options: { intraOpNumThreads: setup.intraOpThreads },
  });
  return {
    async run({ texts, normalize }) {
      // Mean pooling weighted by the attention mask, so padding added for longer texts in the batch changes nothing;
      // normalisation is per text because requests with different options share a batch.
      const pooled = await extractor(texts, { pooling: 'mean', normalize: false });
      const dimension = pooled.dims[pooled.dims.length - 1] ?? 0;
      const data = Float32Array.from(pooled.data as ArrayLike<number>);
      normalize.forEach((wanted, row) => {
        if (wanted) normalizeInPlace(data.subarray(row * dimension, (row + 1) * dimension));
      });
      return { output: { dimension, data }, transfer: [data.buffer] };
    },
    dispose: () => extractor.dispose(),
  };
}

/** Loader of each task. */
export const TASK_LOADERS: { [T in ModelTask]: (setup: WorkerSetup) => Promise<LoadedTask<T>> } = {
  'feature-extraction': loadFeatureExtraction,
  translation: loadTranslation,
};
