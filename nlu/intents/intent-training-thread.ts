/**
 * Worker-thread entry that trains an intent classifier, so vectorising tens of thousands of examples and the
 * calibration never block the event loop of a process that also serves chats. The SVM itself fans out to more
 * threads from here (see parallel-svm.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { TransformerModelRuntime } from '../runtime/transformer-model-runtime';
import type { ModelRuntimeOptions } from '../runtime/runtime-options';
import type { IntentClassifierTrainer, IntentExample, IntentTrainingMetrics } from './intent-classifier';
import { embeddingIntentTrainers } from './embedding-intent-classifier';
import { intentTrainers } from './intent-trainers';

/** What the parent hands the thread. */
export interface IntentTrainingThreadData {
  kind: string;
  examples: IntentExample[];
  validation?: IntentExample[];
  outOfScopeShare?: number;
  /** For the embedding kinds: the model, and the runtime settings this thread starts its own runtime with. */
  embedding?: { runtime: ModelRuntimeOptions; modelId: string; prefix: string; weight: number };
}

/** Messages from the thread. */
export type IntentTrainingThreadMessage =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; artefact: Uint8Array; metrics: IntentTrainingMetrics }
  | { type: 'error'; message: string };

async function train(data: IntentTrainingThreadData, port: NonNullable<typeof parentPort>): Promise<void> {
  let runtime: TransformerModelRuntime | undefined;
  let trainer: IntentClassifierTrainer | undefined;
  if (data.embedding) {
    runtime = new TransformerModelRuntime(data.embedding.runtime);
    const extractor = runtime.featureExtractor(data.embedding.modelId);
    trainer = embeddingIntentTrainers(extractor, { prefix: data.embedding.prefix, embeddingWeight: data.embedding.weight })[data.kind];
  } else {
    trainer = intentTrainers[data.kind];
  }
  try {
    if (!trainer) throw new Error(`Unknown intent classifier kind ${data.kind}`);
    const classifier = await trainer.train(data.examples, {
      ...(data.validation ? { validation: data.validation } : {}),
      ...(data.outOfScopeShare !== undefined ? { outOfScopeShare: data.outOfScopeShare } : {}),
      onProgress: (fraction) => port.postMessage({ type: 'progress', fraction } satisfies IntentTrainingThreadMessage),
    });
    const artefact = new Uint8Array(classifier.serialize());
    port.postMessage({ type: 'done', artefact, metrics: classifier.metrics } satisfies IntentTrainingThreadMessage, [artefact.buffer]);
  } finally {
    await runtime?.close();
  }
}

if (parentPort) {
  const port = parentPort;
  train(workerData as IntentTrainingThreadData, port).catch((error: unknown) => {
    port.postMessage({ type: 'error', message: (error as Error).message ?? String(error) } satisfies IntentTrainingThreadMessage);
  });
}
