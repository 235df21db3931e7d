/**
 * Sentence embeddings from a transformer model (the `feature-extraction` pipeline with mean pooling), computed in
 * worker threads, with concurrent calls merged into shared batches.
 */
import { MicroBatcher, type BatchInfo, type BatchStats } from './micro-batcher';
import type { ModelWorkerPoolOptions } from './model-worker-pool';
import { PooledModel } from './pooled-model';
import { ModelClosedError } from './runtime-errors';
import type { ModelDevice, ModelDtype, ModelRuntimeOptions } from './runtime-options';

/** Options of {@link FeatureExtractor.embed}. */
export interface EmbedOptions {
  /** L2-normalise each vector (then a dot product is the cosine similarity). @defaultValue true */
  normalize?: boolean;
}

/** Counters of a {@link FeatureExtractor}: batches run, texts and requests they held, live worker threads. */
export interface FeatureExtractorStats extends BatchStats {
  /** Worker threads currently holding the model (0 before loading and after closing). */
  workers: number;
}

/** What identifies a shared model instance (with the task). */
export interface ModelSpec {
  /** Hub id, e.g. `Xenova/multilingual-e5-small`. */
  modelId: string;
  device: ModelDevice;
  dtype: ModelDtype;
}

interface Item {
  text: string;
  normalize: boolean;
}

/**
 * Embeds texts with one model. Get it from {@link TransformerModelRuntime.featureExtractor}, which shares one instance
 * per model, device and dtype; workers start on {@link FeatureExtractor.load} or the first {@link FeatureExtractor.embed}.
 *
 * @example
 * const extractor = runtime.featureExtractor('Xenova/multilingual-e5-small');
 * const [query] = await extractor.embed(['query: where is my order?']);
 */
export class FeatureExtractor extends PooledModel<'feature-extraction'> {
  private readonly batcher: MicroBatcher<Item, Float32Array>;

  /**
   * @param onClose called once when this instance closes (the runtime forgets it then).
   * @param spawn replaces how workers start (tests).
   */
  constructor(spec: ModelSpec, options: ModelRuntimeOptions, onClose: () => void = () => undefined, spawn?: ModelWorkerPoolOptions['spawn']) {
    super('feature-extraction', spec, options, undefined, onClose, spawn);
    this.batcher = new MicroBatcher<Item, Float32Array>({
      maxBatchSize: options.maxBatchSize,
      windowMs: options.batchWindowMs,
      run: (items) => this.runBatch(items),
    });
  }

  /**
   * One vector per text, in order. Calls arriving within `batchWindowMs` share one batch of at most `maxBatchSize`
   * texts; a longer list is split over several batches.
   */
  async embed(texts: readonly string[], options: EmbedOptions = {}): Promise<Float32Array[]> {
    if (this.closing) throw new ModelClosedError(this.modelId);
    if (texts.length === 0) return [];
    await this.load();
    const normalize = options.normalize ?? true;
    return this.batcher.submit(texts.map((text) => ({ text, normalize })));
  }

  /** Calls `listener` after every batch (size, requests merged, duration); returns a function that removes it. */
  onBatch(listener: (batch: BatchInfo) => void): () => void {
    return this.batcher.onBatch(listener);
  }

  /** Batches run so far, the texts and requests they held, and the live worker threads. */
  stats(): FeatureExtractorStats {
    return { ...this.batcher.stats(), workers: this.pool.size };
  }

  protected rejectQueued(error: Error): void {
    this.batcher.rejectQueued(error);
  }

  private async runBatch(items: Item[]): Promise<Float32Array[]> {
    const { dimension, data } = await this.pool.run({
      texts: items.map((item) => item.text),
      normalize: items.map((item) => item.normalize),
    });
    return items.map((_, row) => data.slice(row * dimension, (row + 1) * dimension));
  }
}
