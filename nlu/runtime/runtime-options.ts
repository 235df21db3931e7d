/** Settings of the transformer model runtime, with defaults, and how they come from the `models` config section. */
import { resolve } from 'node:path';
import type { Config } from '../../config';

/** Where a model runs. `cuda` needs the CUDA build of onnxruntime-node (Linux x64). */
export type ModelDevice = Config['models']['device'];

/** Weight precision, i.e. which ONNX file of the model is loaded (`fp32` = `onnx/model.onnx`). */
export type ModelDtype = Config['models']['dtype'];

/** Settings of a {@link TransformerModelRuntime}; every key has the default of the `models` config section. */
export interface ModelRuntimeOptions {
  /** Models folder in hub layout (`<folder>/<org>/<name>/...`); made absolute. @defaultValue `'./models'` */
  folder: string;
  /** Download missing models from the Hugging Face hub into `folder`. @defaultValue false */
  allowRemote: boolean;
  /** @defaultValue `'cpu'` */
  device: ModelDevice;
  /** @defaultValue `'fp32'` */
  dtype: ModelDtype;
  /** Worker threads per model. @defaultValue 1 */
  threads: number;
  /** Most items (texts) in one inference batch. @defaultValue 32 */
  maxBatchSize: number;
  /** How long the first request of a batch waits for others. @defaultValue 2 */
  batchWindowMs: number;
}

/** The defaults, equal to those of the `models` config section. */
export const DEFAULT_RUNTIME_OPTIONS: Readonly<ModelRuntimeOptions> = Object.freeze({
  folder: './models',
  allowRemote: false,
  device: 'cpu',
  dtype: 'fp32',
  threads: 1,
  maxBatchSize: 32,
  batchWindowMs: 2,
});

/**
 * Fills in defaults and makes `folder` absolute (relative to the working directory), so workers and error messages
 * agree on one path.
 */
export function resolveRuntimeOptions(options: Partial<ModelRuntimeOptions> = {}): ModelRuntimeOptions {
  const merged = { ...DEFAULT_RUNTIME_OPTIONS, ...options };
  return {
    ...merged,
    folder: resolve(merged.folder),
    threads: Math.max(1, Math.floor(merged.threads)),
    maxBatchSize: Math.max(1, Math.floor(merged.maxBatchSize)),
    batchWindowMs: Math.max(0, merged.batchWindowMs),
  };
}

/**
 * Runtime options from the validated configuration.
 *
 * @example
 * const runtime = new TransformerModelRuntime(runtimeOptionsFromConfig(loadConfig()));
 */
export function runtimeOptionsFromConfig(config: Pick<Config, 'models'>): ModelRuntimeOptions {
  const { folder, allowRemote, device, dtype, threads, maxBatchSize, batchWindowMs } = config.models;
  return resolveRuntimeOptions({ folder, allowRemote, device, dtype, threads, maxBatchSize, batchWindowMs });
}
