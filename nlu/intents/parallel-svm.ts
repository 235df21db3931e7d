/**
 * Trains the one-vs-rest SVM's classes on several worker threads at once. The classes are independent, so the
 * speed-up is close to the thread count; the rows are packed once into shared memory, not copied per thread.
 * Training also leaves the calling thread's event loop free, which matters in a process that serves chats.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { spawnWorker } from '../../platform/threads/spawn-worker';
import { toCsr, TrainingCancelledError, type LinearModelWeights, type LinearSvmOptions } from './linear-svm';
import type { SvmWorkerData, SvmWorkerMessage } from './svm-training-worker';
import type { SparseVector } from './tfidf-vectorizer';

/** Options of {@link trainLinearSvmParallel}. */
export interface ParallelSvmOptions extends Omit<LinearSvmOptions, 'onClassTrained'> {
  /** Worker threads. @defaultValue the machine's available parallelism, at most 4 */
  threads?: number;
  /** Called after each class; return false to cancel (the workers are terminated). */
  onClassTrained?: (done: number, total: number) => boolean | void;
}

/** Same result as `trainLinearSvm`, computed on worker threads. */
export async function trainLinearSvmParallel(
  rows: readonly SparseVector[],
  labels: Int32Array,
  classes: number,
  dimension: number,
  options: ParallelSvmOptions = {},
): Promise<LinearModelWeights> {
  const threads = Math.max(1, Math.min(options.threads ?? Math.min(4, availableParallelism()), classes));
  const matrix = toCsr(rows, true);
  const sharedLabels = new Int32Array(new SharedArrayBuffer(labels.byteLength));
  sharedLabels.set(labels);
  const weights = new Float32Array(classes * dimension);
  const bias = new Float32Array(classes);
  const { onClassTrained, ...rest } = options;
  const svmOptions = {
    c: rest.c,
    tolerance: rest.tolerance,
    maxPasses: rest.maxPasses,
    seed: rest.seed,
    initialAlpha: rest.initialAlpha ? shared(rest.initialAlpha) : undefined,
    // Workers write their classes' rows of one shared array; it is copied out at the end.
    alphaOut: rest.alphaOut ? new Float64Array(new SharedArrayBuffer(rest.alphaOut.byteLength)) : undefined,
  };
  const workers: Worker[] = [];
  let done = 0;
  try {
    await Promise.all(
      Array.from({ length: threads }, (_, t) => {
        // Interleaved classes, so every thread gets a similar mix of easy and hard ones.
        const classList = Array.from({ length: classes }, (_, cls) => cls).filter((cls) => cls % threads === t);
        const data: SvmWorkerData = { matrix, labels: sharedLabels, classList, dimension, options: svmOptions };
        const worker = spawnWorker('svm-training-worker', __dirname, { workerData: data });
        workers.push(worker);
        return new Promise<void>((resolve, reject) => {
          worker.on('message', (message: SvmWorkerMessage) => {
            if ('done' in message) return resolve();
            weights.set(message.weights, message.cls * dimension);
            bias[message.cls] = message.bias;
            done++;
            if (onClassTrained?.(done, classes) === false) reject(new TrainingCancelledError());
          });
          worker.on('error', reject);
          worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`SVM training thread exited with code ${code}`))));
        });
      }),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  if (rest.alphaOut && svmOptions.alphaOut) rest.alphaOut.set(svmOptions.alphaOut);
  return { classes, dimension, weights, bias };
}

function shared(array: Float64Array): Float64Array {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const copy = new Float64Array(new SharedArrayBuffer(array.byteLength));
  copy.set(array);
  return copy;
}
