/**
 * Checks that the configured device can run models before any worker starts.
 *
 * What transformers.js v4 does with `device: 'cuda'` in Node (src/backends/onnx.js): it lists `cuda` as supported
 * only on Linux x64 (elsewhere it throws `Unsupported device: "cuda"`) and maps it to onnxruntime-node's `cuda`
 * execution provider, with no CPU fallback. onnxruntime-node ships the CUDA provider libraries only when installed
 * with `--onnxruntime-node-install=cuda12` (this project's .npmrc skips that download); without them session
 * creation fails with `OrtSessionOptionsAppendExecutionProvider_Cuda: Failed to load shared library`.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ModelDeviceError } from './runtime-errors';
import type { ModelDevice } from './runtime-options';

/** Where onnxruntime-node keeps its native libraries for this platform (its binding.js loads from here too). */
export function onnxRuntimeBinaryFolder(): string {
  // require.resolve gives onnxruntime-node/dist/index.js; the binaries sit in ../bin/napi-v6/<platform>/<arch>.
  const packageRoot = dirname(dirname(require.resolve('onnxruntime-node')));
  return join(packageRoot, 'bin', 'napi-v6', process.platform, process.arch);
}

/**
 * Throws {@link ModelDeviceError} when `device` cannot work in this installation. `cpu` always can.
 *
 * @param binaryFolder onnxruntime-node's native folder (tests point it elsewhere).
 */
export function assertDeviceSupported(device: ModelDevice, binaryFolder = onnxRuntimeBinaryFolder()): void {
  if (device !== 'cuda') return;
  const platform = `${process.platform}-${process.arch}`;
  if (platform !== 'linux-x64') {
    throw new ModelDeviceError(device, `onnxruntime-node has CUDA builds only for linux-x64, this is ${platform}`);
  }
  const provider = join(binaryFolder, 'libonnxruntime_providers_cuda.so');
  if (!existsSync(provider)) {
    throw new ModelDeviceError(device, `the CUDA build of onnxruntime-node is not installed (no ${provider})`);
  }
}

// onnxruntime's messages when the CUDA provider or the CUDA libraries it needs cannot be loaded.
const CUDA_FAILURE = /Cuda|CUDA|cudnn|libcu|providers_shared/;

/** Turns a session-creation error caused by a missing CUDA setup into a {@link ModelDeviceError}; others pass through. */
export function explainDeviceFailure(device: ModelDevice, error: Error): Error {
  return device === 'cuda' && CUDA_FAILURE.test(error.message) ? new ModelDeviceError(device, error.message) : error;
}
