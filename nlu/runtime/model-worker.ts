/**
 * Entry point of a model worker thread (started by `ModelWorkerPool` through `worker-script.ts`): loads one model for
 * one task, says `ready` (or `load-failed`), then runs the batches it is sent, one at a time, and answers each with
 * `result` or `run-failed`; on `close` it frees the model and ends. Nothing here runs on the main thread.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { explainDeviceFailure } from './device-support';
import { ModelNotFoundError } from './runtime-errors';
import { configureTransformers, TASK_LOADERS, type LoadedTask } from './worker-tasks';
import type { ControlMessage, ModelTask, SerializedError, WorkerMessage, WorkerSetup } from './worker-protocol';

function serialize(error: unknown, setup: WorkerSetup): SerializedError {
  let cause = error instanceof Error ? error : new Error(String(error));
  // transformers.js raises ModelFileNotFoundError when a file is neither local nor (allowed to be) downloaded.
  if (cause.name === 'ModelFileNotFoundError') cause = new ModelNotFoundError(setup.modelId, setup.folder, [cause.message]);
  cause = explainDeviceFailure(setup.device, cause);
  return { name: cause.name, message: cause.message };
}

async function main(port: NonNullable<typeof parentPort>, setup: WorkerSetup): Promise<void> {
  configureTransformers(setup);
  let task: LoadedTask<ModelTask>;
  try {
    task = await TASK_LOADERS[setup.task](setup);
  } catch (error) {
    port.postMessage({ type: 'load-failed', error: serialize(error, setup) } satisfies WorkerMessage);
    return;
  }
  // Batches run strictly one after another: onnxruntime-node runs a session synchronously on this thread anyway,
  // and the pool sends a worker a new batch only after the previous answer.
  let queue = Promise.resolve();
  port.on('message', (message: ControlMessage) => {
    if (message.type === 'close') {
      // Free the ONNX session (native memory) before the thread ends, after the batch in progress.
      queue = queue.then(() => task.dispose()).finally(() => port.close());
      return;
    }
    queue = queue.then(async () => {
      try {
        const { output, transfer } = await task.run(message.input);
        port.postMessage({ type: 'result', id: message.id, output } satisfies WorkerMessage, transfer);
      } catch (error) {
        port.postMessage({ type: 'run-failed', id: message.id, error: serialize(error, setup) } satisfies WorkerMessage);
      }
    });
  });
  port.postMessage({ type: 'ready' } satisfies WorkerMessage);
}

if (!isMainThread && parentPort) void main(parentPort, workerData as WorkerSetup);
