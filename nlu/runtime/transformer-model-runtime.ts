/**
 * The entry point to transformer models: hands out one shared, lazily started instance per task, model, device and
 * dtype, and closes them all at shutdown. Create one per process at start-up and pass it to whoever needs a model
 * (no module-level singleton).
 */
import { FeatureExtractor, type ModelSpec } from './feature-extractor';
import { assertModelId } from './model-files';
import type { ModelWorkerPoolOptions } from './model-worker-pool';
import { ModelClosedError } from './runtime-errors';
import { resolveRuntimeOptions, type ModelDevice, type ModelDtype, type ModelRuntimeOptions } from './runtime-options';
import { resolveTranslationFamily, type TranslationFamily } from './translation-languages';
import { TranslationModel } from './translation-model';
import type { ModelTask } from './worker-protocol';

/** Per-model overrides of the runtime's device and dtype. */
export interface ModelOverrides {
  /** @defaultValue the runtime's `device` */
  device?: ModelDevice;
  /** @defaultValue the runtime's `dtype` */
  dtype?: ModelDtype;
}

/** Options of {@link TransformerModelRuntime.translator}. */
export interface TranslatorOverrides extends ModelOverrides {
  /** How the model names languages. @defaultValue from the id: `nllb`, `m2m100`, or `opus-mt-<from>-<to>` */
  family?: TranslationFamily;
}

/** Anything the runtime hands out and must close at shutdown. */
interface RuntimeModel {
  close(): Promise<void>;
}

/**
 * Loads transformer models from the models folder and runs them in worker threads with micro-batching.
 *
 * @example
 * const runtime = new TransformerModelRuntime(runtimeOptionsFromConfig(config));
 * const extractor = runtime.featureExtractor(config.models.embeddingModel);
 * await extractor.load(); // at start-up: fails fast with ModelNotFoundError / ModelDeviceError
 * const vectors = await extractor.embed(['where is my order?']);
 * await runtime.close();
 */
export class TransformerModelRuntime {
  /** The resolved settings (absolute folder, defaults filled in). */
  readonly options: ModelRuntimeOptions;
  private readonly models = new Map<string, RuntimeModel>();
  private closed = false;

  /**
   * @param options runtime settings; missing keys take the `models` config defaults.
   * @param spawn replaces how worker threads start (tests only).
   */
  constructor(
    options: Partial<ModelRuntimeOptions> = {},
    private readonly spawn?: ModelWorkerPoolOptions['spawn'],
  ) {
    this.options = resolveRuntimeOptions(options);
  }

  /**
   * The shared sentence-embedding model `modelId` (hub id, e.g. `Xenova/multilingual-e5-small`). The same arguments
   * give the same instance until it is closed. Nothing loads until its `load()` or first `embed()`.
   *
   * @throws InvalidModelIdError when `modelId` is not a hub id.
   * @throws ModelClosedError after {@link TransformerModelRuntime.close}.
   */
  featureExtractor(modelId: string, overrides: ModelOverrides = {}): FeatureExtractor {
    return this.shared('feature-extraction', modelId, overrides, (spec, forget) => {
      return new FeatureExtractor(spec, this.options, forget, this.spawn);
    });
  }

  /**
   * The shared translation model `modelId` (e.g. `Xenova/nllb-200-distilled-600M`, `Xenova/m2m100_418M`,
   * `Xenova/opus-mt-es-en`). The same arguments give the same instance until it is closed. Nothing loads until its
   * `load()` or first `translate()`.
   *
   * @throws InvalidModelIdError when `modelId` is not a hub id.
   * @throws TranslationLanguageError when the family is neither given nor recognisable from the id.
   * @throws ModelClosedError after {@link TransformerModelRuntime.close}.
   */
  translator(modelId: string, overrides: TranslatorOverrides = {}): TranslationModel {
    const family = resolveTranslationFamily(modelId, overrides.family);
    return this.shared('translation', modelId, overrides, (spec, forget) => {
      return new TranslationModel({ ...spec, family }, this.options, forget, this.spawn);
    });
  }

  /** Number of model instances currently handed out. */
  get size(): number {
    return this.models.size;
  }

  /** Closes every model instance (their workers end); the runtime hands out nothing afterwards. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.models.values()].map((model) => model.close()));
    this.models.clear();
  }

  private shared<M extends RuntimeModel>(
    task: ModelTask,
    modelId: string,
    overrides: ModelOverrides,
    create: (spec: ModelSpec, forget: () => void) => M,
  ): M {
    if (this.closed) throw new ModelClosedError(modelId);
    assertModelId(modelId);
    const spec: ModelSpec = {
      modelId,
      device: overrides.device ?? this.options.device,
      dtype: overrides.dtype ?? this.options.dtype,
    };
    const key = JSON.stringify([task, spec.modelId, spec.device, spec.dtype]);
    const existing = this.models.get(key);
    if (existing) return existing as M;
    const model = create(spec, () => {
      if (this.models.get(key) === model) this.models.delete(key);
    });
    this.models.set(key, model);
    return model;
  }
}
