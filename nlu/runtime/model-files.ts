/**
 * Where a model's files live in the models folder (the Hugging Face hub layout that transformers.js reads and
 * writes: `<folder>/<org>/<name>/{config.json,tokenizer.json,onnx/model<suffix>.onnx}`), checked before any worker
 * starts so a missing model fails fast with a message that names the folder.
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidModelIdError, ModelNotFoundError } from './runtime-errors';
import type { ModelDtype } from './runtime-options';

// The file-name suffix transformers.js v4 uses for each dtype (DEFAULT_DTYPE_SUFFIX_MAPPING in src/utils/dtypes.js).
const DTYPE_SUFFIX: Record<ModelDtype, string> = {
  fp32: '',
  fp16: '_fp16',
  q8: '_quantized',
  int8: '_int8',
  uint8: '_uint8',
  q4: '_q4',
  bnb4: '_bnb4',
  q4f16: '_q4f16',
};

// Same rule as transformers.js' isValidHfModelId: `name` or `org/name`, no `..`/`--`, so an id can never escape the folder.
const MODEL_ID = /^(?:[A-Za-z0-9][\w.-]*\/)?[A-Za-z0-9][\w.-]*$/;

/**
 * Throws {@link InvalidModelIdError} unless `modelId` is a hub id (`org/name` or `name`).
 */
export function assertModelId(modelId: string): void {
  if (!MODEL_ID.test(modelId) || modelId.includes('..') || modelId.includes('--')) throw new InvalidModelIdError(modelId);
}

/**
 * The files a text model needs, relative to its folder.
 *
 * @param sessions ONNX sessions of the task: `['model']` for encoders (feature extraction),
 *   `['encoder_model', 'decoder_model_merged']` for seq2seq models (translation).
 */
export function requiredModelFiles(dtype: ModelDtype, sessions: readonly string[] = ['model']): string[] {
  return ['config.json', 'tokenizer.json', ...sessions.map((name) => join('onnx', `${name}${DTYPE_SUFFIX[dtype]}.onnx`))];
}

/** `<folder>/<org>/<name>`. */
export function modelDirectory(folder: string, modelId: string): string {
  return join(folder, ...modelId.split('/'));
}

/**
 * Resolves when the model's files are in the folder.
 *
 * @throws ModelNotFoundError naming the folder and the missing files.
 * @throws InvalidModelIdError when `modelId` is not a hub id.
 */
export async function assertModelFiles(
  folder: string,
  modelId: string,
  dtype: ModelDtype,
  sessions: readonly string[] = ['model'],
): Promise<void> {
  assertModelId(modelId);
  const directory = modelDirectory(folder, modelId);
  const missing: string[] = [];
  for (const file of requiredModelFiles(dtype, sessions)) {
    try {
      await access(join(directory, file));
    } catch {
      missing.push(join(modelId, file));
    }
  }
  if (missing.length > 0) throw new ModelNotFoundError(modelId, folder, missing);
}
