/** Errors of the model runtime. Each names what went wrong and how to fix it. */

/** The model is not in the local models folder and downloading is off (or failed to find it). */
export class ModelNotFoundError extends Error {
  override readonly name = 'ModelNotFoundError';

  constructor(
    readonly modelId: string,
    readonly folder: string,
    /** Files that were looked for and are missing. */
    readonly missing: readonly string[] = [],
  ) {
    const looked = missing.length > 0 ? ` (missing: ${missing.join(', ')})` : '';
    super(
      `Model "${modelId}" is not in the models folder ${folder}${looked}. ` +
        `Run \`npm run models:download\` on a machine with internet access (it fetches the configured models into MODELS_DIR), ` +
        `or set MODELS_DIR to a folder that holds ${modelId}/{config.json,tokenizer.json,onnx/model.onnx}, ` +
        `or set MODELS_ALLOW_REMOTE=true to let the runtime download it.`,
    );
  }
}

/** The configured device cannot run models in this installation (e.g. `cuda` without the CUDA build of onnxruntime-node). */
export class ModelDeviceError extends Error {
  override readonly name = 'ModelDeviceError';

  constructor(
    readonly device: string,
    detail: string,
  ) {
    super(
      `MODELS_DEVICE=${device} is not usable here: ${detail}. ` +
        (device === 'cuda'
          ? 'CUDA needs Linux x64, CUDA 12 with cuDNN 9, and the CUDA build of onnxruntime-node: ' +
            'run `npm install --onnxruntime-node-install=cuda12` (or `npm rebuild onnxruntime-node --onnxruntime-node-install=cuda12` ' +
            'when it is already installed). Otherwise set MODELS_DEVICE=cpu.'
          : 'Set MODELS_DEVICE=cpu.'),
    );
  }
}

/** A model id that is not a hub id (`org/name` or `name`, letters, digits, `-`, `_`, `.`). */
export class InvalidModelIdError extends Error {
  override readonly name = 'InvalidModelIdError';

  constructor(readonly modelId: string) {
    super(
      `"${modelId}" is not a model id. Use the Hugging Face hub id, e.g. "Xenova/multilingual-e5-small" ` +
        '(MODELS_EMBEDDING), and put the files under MODELS_DIR/<org>/<name>/.',
    );
  }
}

/** The model (or its whole runtime) was closed; get a fresh one from the runtime. */
export class ModelClosedError extends Error {
  override readonly name = 'ModelClosedError';

  constructor(readonly modelId: string) {
    super(
      `The model "${modelId}" was closed. Ask the runtime for it again (runtime.featureExtractor(...)) ` +
        'instead of keeping a closed instance.',
    );
  }
}

/** Loading or running the model failed inside its worker thread (corrupt file, unsupported operator, worker crash). */
export class ModelWorkerError extends Error {
  override readonly name = 'ModelWorkerError';

  constructor(
    readonly modelId: string,
    detail: string,
  ) {
    super(
      `Model "${modelId}" failed in its worker thread: ${detail}. ` +
        'Check that the model folder holds a complete ONNX export for transformers.js (re-run `npm run models:download`), ' +
        'and that MODELS_DTYPE names a file the model ships.',
    );
  }
}

export { WorkerScriptError } from '../../platform/threads/spawn-worker';
