/**
 * Worker-thread entry of {@link trainLinearSvmParallel}: trains the binary SVMs of some classes on rows shared
 * through SharedArrayBuffers and posts each class's weights back as soon as it is done.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { trainSvmClasses, type CsrMatrix, type LinearSvmOptions } from './linear-svm';

/** What the parent hands the worker. */
export interface SvmWorkerData {
  matrix: CsrMatrix;
  labels: Int32Array;
  classList: number[];
  dimension: number;
  options: Pick<LinearSvmOptions, 'c' | 'tolerance' | 'maxPasses' | 'seed' | 'initialAlpha' | 'alphaOut'>;
}

/** One trained class, or the end of the list. */
export type SvmWorkerMessage = { cls: number; weights: Float32Array; bias: number } | { done: true };

if (parentPort) {
  const port = parentPort;
  const data = workerData as SvmWorkerData;
  trainSvmClasses(data.matrix, data.labels, data.classList, data.dimension, data.options, (cls, weights, bias) => {
    const copy = Float32Array.from(weights);
    port.postMessage({ cls, weights: copy, bias } satisfies SvmWorkerMessage, [copy.buffer]);
  });
  port.postMessage({ done: true } satisfies SvmWorkerMessage);
}
