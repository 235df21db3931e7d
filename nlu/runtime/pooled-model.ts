/**
 * What every model the runtime hands out shares: its identity (model, device, dtype), the worker pool holding it,
 * start-up checks done once (device, model files unless downloading is on), and an idempotent close that fails queued
 * requests, lets running batches finish and ends the workers.
 */
import { assertDeviceSupported } from './device-support';
import { assertModelFiles } from './model-files';
import { ModelWorkerPool, type ModelWorkerPoolOptions } from './model-worker-pool';
import { ModelClosedError } from './runtime-errors';
import type { ModelDevice, ModelDtype, ModelRuntimeOptions } from './runtime-options';
import type { ModelTask } from './worker-protocol';

/** See the file comment. */
export abstract class PooledModel<T extends ModelTask> {
  readonly modelId: string;
  readonly device: ModelDevice;
  readonly dtype: ModelDtype;
  protected readonly pool: ModelWorkerPool<T>;
  private loading: Promise<void> | undefined;
  private closingPromise: Promise<void> | undefined;

  /**
   * @param sessions the ONNX files the task loads (see `assertModelFiles`); default the encoder-only `model`.
   * @param onClose called once when this instance closes (the runtime forgets it then).
   * @param spawn replaces how workers start (tests).
   */
  protected constructor(
    task: T,
    spec: { modelId: string; device: ModelDevice; dtype: ModelDtype },
    protected readonly options: ModelRuntimeOptions,
    private readonly sessions: readonly string[] | undefined,
    private readonly onClose: () => void,
    spawn?: ModelWorkerPoolOptions['spawn'],
  ) {
    this.modelId = spec.modelId;
    this.device = spec.device;
    this.dtype = spec.dtype;
    this.pool = new ModelWorkerPool(
      { task, modelId: spec.modelId, folder: options.folder, allowRemote: options.allowRemote, device: spec.device, dtype: spec.dtype },
      { threads: options.threads, spawn },
    );
  }

  /** Whether {@link close} was called. */
  protected get closing(): boolean {
    return this.closingPromise !== undefined;
  }

  /**
   * Checks the model files and device, starts the workers and loads the model in each. Call at start-up so the first
   * request is not slow; the first request does it too.
   *
   * @throws ModelNotFoundError when the model is not in the folder and downloading is off.
   * @throws ModelDeviceError when the device cannot run here (e.g. `cuda` without the CUDA build of onnxruntime-node).
   */
  load(): Promise<void> {
    if (this.closingPromise) return Promise.reject(new ModelClosedError(this.modelId));
    // Checked once; a failure is not remembered, so a model downloaded meanwhile loads on the next call.
    this.loading ??= this.checkAndStart().catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    });
    return this.loading;
  }

  /**
   * Fails queued requests, lets running batches finish, then frees the model and ends its worker threads. Closes the
   * instance for every holder: it is shared. Idempotent.
   */
  close(): Promise<void> {
    this.closingPromise ??= (async () => {
      this.onClose();
      this.rejectQueued(new ModelClosedError(this.modelId));
      await this.pool.close();
    })();
    return this.closingPromise;
  }

  /** Fails every request still waiting for a batch. */
  protected abstract rejectQueued(error: Error): void;

  private async checkAndStart(): Promise<void> {
    assertDeviceSupported(this.device);
    if (!this.options.allowRemote) await assertModelFiles(this.options.folder, this.modelId, this.dtype, this.sessions);
    await this.pool.start();
  }
}
