/**
 * A small pool of worker threads that each hold the same model: a batch goes to an idle worker, or waits for one.
 * Workers keep the process alive only while they have work, so a forgotten `close()` never hangs an exit.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { ModelClosedError, ModelDeviceError, ModelNotFoundError, ModelWorkerError } from './runtime-errors';
import { spawnModelWorker } from './worker-script';
import type { ControlMessage, ModelTask, SerializedError, TaskInput, TaskOutput, WorkerMessage, WorkerSetup } from './worker-protocol';

/** Settings of a {@link ModelWorkerPool}. */
export interface ModelWorkerPoolOptions {
  /** Number of worker threads. */
  threads: number;
  /** Starts one worker; {@link spawnModelWorker} unless a test swaps it. */
  spawn?: (setup: WorkerSetup) => Worker;
  /** How long a closing worker may take to free its model before it is terminated. @defaultValue 2000 */
  closeTimeoutMs?: number;
}

interface Job<T extends ModelTask> {
  id: number;
  input: TaskInput<T>;
  resolve(output: TaskOutput<T>): void;
  reject(error: Error): void;
}

interface PoolWorker<T extends ModelTask> {
  worker: Worker;
  job: Job<T> | undefined;
}

/** Rebuilds the runtime's error classes from a worker's serialized error. */
function deserialize(error: SerializedError, setup: WorkerSetup): Error {
  switch (error.name) {
    case 'ModelNotFoundError':
      return Object.assign(new ModelNotFoundError(setup.modelId, setup.folder), { message: error.message });
    case 'ModelDeviceError':
      return Object.assign(new ModelDeviceError(setup.device, ''), { message: error.message });
    default:
      return new ModelWorkerError(setup.modelId, `${error.name}: ${error.message}`);
  }
}

/**
 * Worker threads running one model for one task.
 *
 * @example
 * const pool = new ModelWorkerPool(setup, { threads: 2 });
 * await pool.start();
 * const output = await pool.run({ texts: ['hi'], normalize: [true] });
 * await pool.close();
 */
export class ModelWorkerPool<T extends ModelTask> {
  private readonly workers: Array<PoolWorker<T>> = [];
  private readonly waiting: Array<Job<T>> = [];
  private nextId = 1;
  private started: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly setup: Omit<WorkerSetup, 'intraOpThreads'>,
    private readonly options: ModelWorkerPoolOptions,
  ) {}

  /** Number of live worker threads. */
  get size(): number {
    return this.workers.length;
  }

  /** Starts the workers and waits until every one has loaded the model. Idempotent. */
  start(): Promise<void> {
    if (this.closed) return Promise.reject(new ModelClosedError(this.setup.modelId));
    this.started ??= this.startWorkers();
    return this.started;
  }

  /** Runs one batch on the first idle worker (starting the pool if needed). */
  async run(input: TaskInput<T>): Promise<TaskOutput<T>> {
    await this.start();
    if (this.closed) throw new ModelClosedError(this.setup.modelId);
    return new Promise<TaskOutput<T>>((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, input, resolve, reject });
      this.dispatch();
    });
  }

  /** Lets running batches finish, fails waiting ones, frees the model in every worker and ends the threads. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.failWaiting(new ModelClosedError(this.setup.modelId));
    await this.started?.catch(() => undefined);
    await Promise.all([...this.workers].map((entry) => this.stopWorker(entry)));
  }

  private async startWorkers(): Promise<void> {
    // Each worker's onnxruntime session gets its share of the cores instead of all of them.
    const intraOpThreads = Math.max(1, Math.floor(availableParallelism() / this.options.threads));
    const setup: WorkerSetup = { ...this.setup, intraOpThreads };
    const spawn = this.options.spawn ?? spawnModelWorker;
    try {
      const loads: Array<Promise<void>> = [];
      for (let i = 0; i < this.options.threads; i++) {
        const entry: PoolWorker<T> = { worker: spawn(setup), job: undefined };
        this.workers.push(entry);
        loads.push(this.waitUntilReady(entry, setup));
      }
      await Promise.all(loads);
    } catch (error) {
      await Promise.all([...this.workers].map((entry) => entry.worker.terminate()));
      this.workers.length = 0;
      this.started = undefined; // a later call may try again (e.g. after the model was downloaded)
      throw error;
    }
    if (this.closed) return;
    for (const entry of this.workers) this.listen(entry, setup);
    this.updateRefs();
  }

  private waitUntilReady(entry: PoolWorker<T>, setup: WorkerSetup): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const onMessage = (message: WorkerMessage): void => {
        cleanup();
        if (message.type === 'ready') resolve();
        else if (message.type === 'load-failed') reject(deserialize(message.error, setup));
        else reject(new ModelWorkerError(setup.modelId, `unexpected ${message.type} message while loading`));
      };
      const onError = (error: Error): void => {
        cleanup();
        reject(new ModelWorkerError(setup.modelId, error.message));
      };
      const onExit = (code: number): void => {
        cleanup();
        reject(new ModelWorkerError(setup.modelId, `the worker exited with code ${code} while loading`));
      };
      const cleanup = (): void => {
        entry.worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      };
      entry.worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    });
  }

  private listen(entry: PoolWorker<T>, setup: WorkerSetup): void {
    entry.worker.on('message', (message: WorkerMessage) => {
      const job = entry.job;
      if (!job || !('id' in message) || message.id !== job.id) return;
      entry.job = undefined;
      if (message.type === 'result') job.resolve(message.output as TaskOutput<T>);
      else job.reject(deserialize(message.error, setup));
      this.dispatch();
    });
    entry.worker.on('error', (error: Error) => this.lose(entry, new ModelWorkerError(setup.modelId, error.message)));
    entry.worker.on('exit', (code) => {
      if (!this.closed) this.lose(entry, new ModelWorkerError(setup.modelId, `the worker exited with code ${code}`));
    });
  }

  /** A worker died: its batch fails; without workers left, so does everything waiting, and the pool restarts on next use. */
  private lose(entry: PoolWorker<T>, error: Error): void {
    const index = this.workers.indexOf(entry);
    if (index < 0) return;
    this.workers.splice(index, 1);
    entry.job?.reject(error);
    entry.job = undefined;
    void entry.worker.terminate();
    if (this.workers.length === 0) {
      this.failWaiting(error);
      this.started = undefined;
    }
    this.updateRefs();
  }

  private dispatch(): void {
    for (const entry of this.workers) {
      if (entry.job) continue;
      const job = this.waiting.shift();
      if (!job) break;
      entry.job = job;
      // The input holds only strings and flags: copying it is cheap; results come back as transferred buffers.
      entry.worker.postMessage({ type: 'run', id: job.id, input: job.input } satisfies ControlMessage);
    }
    if (this.waiting.length > 0 && this.workers.length === 0 && !this.closed) {
      // Every worker died since this job was queued; start new ones and try again.
      void this.start().then(
        () => this.dispatch(),
        (error: Error) => this.failWaiting(error),
      );
    }
    this.updateRefs();
  }

  private failWaiting(error: Error): void {
    for (const job of this.waiting.splice(0)) job.reject(error);
  }

  /** Workers hold the event loop open only while a batch is running or waiting. */
  private updateRefs(): void {
    const busy = this.waiting.length > 0 || this.workers.some((entry) => entry.job);
    for (const entry of this.workers) {
      if (busy) entry.worker.ref();
      else entry.worker.unref();
    }
  }

  private async stopWorker(entry: PoolWorker<T>): Promise<void> {
    const exited = new Promise<void>((resolve) => entry.worker.once('exit', () => resolve()));
    entry.worker.ref(); // keep the process alive until the model is freed
    entry.worker.postMessage({ type: 'close' } satisfies ControlMessage);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.options.closeTimeoutMs ?? 2000);
    });
    if ((await Promise.race([exited, timeout])) === 'timeout') await entry.worker.terminate();
    clearTimeout(timer);
    entry.job?.reject(new ModelClosedError(this.setup.modelId)); // only left when the worker had to be terminated
    entry.job = undefined;
    const index = this.workers.indexOf(entry);
    if (index >= 0) this.workers.splice(index, 1);
  }
}
