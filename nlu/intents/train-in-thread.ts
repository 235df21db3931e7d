/** Runs intent training on a worker thread (see intent-training-thread.ts) and returns the artefact. */
import { spawnWorker } from '../../platform/threads/spawn-worker';
import type { IntentTrainingMetrics } from './intent-classifier';
import { TrainingCancelledError } from './linear-svm';
import type { IntentTrainingThreadData, IntentTrainingThreadMessage } from './intent-training-thread';

/** Progress and cancellation. */
export interface ThreadTrainingControl {
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** Trains on a worker thread; cancelling terminates the thread. */
export function trainIntentsInThread(
  data: IntentTrainingThreadData,
  control: ThreadTrainingControl = {},
): Promise<{ artefact: Buffer; metrics: IntentTrainingMetrics }> {
  return new Promise((resolve, reject) => {
    // An 'abort' listener added after the abort never fires, so an already-cancelled run must stop here.
    if (control.signal?.aborted) return reject(new TrainingCancelledError());
    const worker = spawnWorker('intent-training-thread', __dirname, { workerData: data });
    let settled = false;
    const finish = (action: () => void): void => {
      if (settled) return;
      settled = true;
      control.signal?.removeEventListener('abort', onAbort);
      action();
      void worker.terminate();
    };
    const onAbort = (): void => finish(() => reject(new TrainingCancelledError()));
    control.signal?.addEventListener('abort', onAbort);
    worker.on('message', (message: IntentTrainingThreadMessage) => {
      if (message.type === 'progress') control.onProgress?.(message.fraction);
      else if (message.type === 'done') finish(() => resolve({ artefact: Buffer.from(message.artefact), metrics: message.metrics }));
      else finish(() => reject(new Error(message.message)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`Intent training thread exited with code ${code}`))));
  });
}
