/** Starts a model worker thread from whichever form of `model-worker` exists next to this file (see spawnWorker). */
import type { Worker } from 'node:worker_threads';
import { spawnWorker } from '../../platform/threads/spawn-worker';
import type { WorkerSetup } from './worker-protocol';

/**
 * A new worker thread running `model-worker` with `setup` as its `workerData`.
 *
 * @param folder Where to look for the entry; this file's folder by default.
 * @throws WorkerScriptError when only the `.ts` entry exists and @swc/core is not installed.
 */
export function spawnModelWorker(setup: WorkerSetup, folder: string = __dirname): Worker {
  return spawnWorker('model-worker', folder, { workerData: setup });
}
