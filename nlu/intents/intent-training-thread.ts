/**
 * Worker-thread entry that trains an intent classifier, so vectorising tens of thousands of examples and the
 * calibration never block the event loop of a process that also serves chats. The SVM itself fans out to more
 * threads from here (see parallel-svm.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { IntentExample, IntentTrainingMetrics } from './intent-classifier';
import { intentTrainers } from './intent-trainers';

/** What the parent hands the thread. */
export interface IntentTrainingThreadData {
  kind: string;
  examples: IntentExample[];
  validation?: IntentExample[];
  outOfScopeShare?: number;
}

/** Messages from the thread. */
export type IntentTrainingThreadMessage =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; artefact: Uint8Array; metrics: IntentTrainingMetrics }
  | { type: 'error'; message: string };

if (parentPort) {
  const port = parentPort;
  const data = workerData as IntentTrainingThreadData;
  const trainer = intentTrainers[data.kind];
  if (!trainer) {
    port.postMessage({ type: 'error', message: `Unknown intent classifier kind ${data.kind}` } satisfies IntentTrainingThreadMessage);
  } else {
    trainer
      .train(data.examples, {
        ...(data.validation ? { validation: data.validation } : {}),
        ...(data.outOfScopeShare !== undefined ? { outOfScopeShare: data.outOfScopeShare } : {}),
        onProgress: (fraction) => port.postMessage({ type: 'progress', fraction } satisfies IntentTrainingThreadMessage),
      })
      .then((classifier) => {
        const artefact = new Uint8Array(classifier.serialize());
        port.postMessage({ type: 'done', artefact, metrics: classifier.metrics } satisfies IntentTrainingThreadMessage, [artefact.buffer]);
      })
      .catch((error: unknown) => {
        port.postMessage({ type: 'error', message: (error as Error).message ?? String(error) } satisfies IntentTrainingThreadMessage);
      });
  }
}
