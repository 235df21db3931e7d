/**
 * Fetches a model from the Hugging Face hub into the models folder (hub layout), for `npm run models:download`.
 * This is the only place that downloads on purpose; the runtime itself reads the folder only unless
 * MODELS_ALLOW_REMOTE is on.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { assertModelId, modelDirectory } from './model-files';
import type { ModelDtype } from './runtime-options';
import type { ModelTask } from './worker-protocol';

/** Downloading failed (offline, unknown model, private model without a token, missing dtype file). */
export class ModelDownloadError extends Error {
  override readonly name = 'ModelDownloadError';

  constructor(
    readonly modelId: string,
    readonly folder: string,
    detail: string,
  ) {
    super(
      `Could not download "${modelId}" from the Hugging Face hub into ${folder}: ${detail}. ` +
        'This command needs internet access to https://huggingface.co (set HF_TOKEN for private models, and check ' +
        'that MODELS_DTYPE names a file the model ships). On an offline machine, copy the folder ' +
        `${modelId}/ from a machine that has it into MODELS_DIR instead.`,
    );
  }
}

/** One file of a downloaded model. */
export interface ModelFile {
  /** Path relative to the model folder, e.g. `onnx/model.onnx`. */
  path: string;
  bytes: number;
  /** False when the file was already in the folder. */
  fetched: boolean;
}

/** What to download. */
export interface DownloadOptions {
  /** Models folder (absolute or relative to the working directory). */
  folder: string;
  dtype: ModelDtype;
  /** Pipeline whose files are fetched. @defaultValue `'feature-extraction'` */
  task?: ModelTask;
}

async function listFiles(directory: string): Promise<Map<string, number>> {
  const files = new Map<string, number>();
  const entries = await readdir(directory, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(directory, path), (await stat(path)).size);
  }
  return files;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // fetch() hides the network reason (ENOTFOUND, ECONNREFUSED, ...) in `cause`.
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}

/**
 * Downloads every file the task's pipeline needs for `modelId` into `<folder>/<org>/<name>/` and checks that the
 * model loads on CPU.
 *
 * @throws ModelDownloadError when the hub cannot be reached or does not have the files.
 * @example
 * const files = await downloadModel('Xenova/multilingual-e5-small', { folder: './models', dtype: 'fp32' });
 */
export async function downloadModel(modelId: string, options: DownloadOptions): Promise<ModelFile[]> {
  assertModelId(modelId);
  const folder = options.folder;
  const directory = modelDirectory(folder, modelId);
  const before = await listFiles(directory);
  // Loaded here, not at import: importing the runtime must not load transformers.js on the main thread.
  const { env, pipeline } = await import('@huggingface/transformers');
  env.localModelPath = folder;
  env.allowLocalModels = true;
  env.allowRemoteModels = true;
  env.cacheDir = folder; // transformers.js stores downloads at <cacheDir>/<org>/<name>/<file>: the hub layout
  try {
    // CPU, whatever MODELS_DEVICE says: downloading must work on a machine without a GPU.
    const loaded = await pipeline(options.task ?? 'feature-extraction', modelId, { device: 'cpu', dtype: options.dtype });
    await loaded.dispose();
  } catch (error) {
    throw new ModelDownloadError(modelId, folder, describe(error));
  }
  const after = await listFiles(directory);
  return [...after].map(([path, bytes]) => ({ path, bytes, fetched: !before.has(path) }));
}
