/**
 * Machine translation with a transformer model (transformers.js' `translation` pipeline) in worker threads:
 * concurrent requests for the same language pair are merged into shared batches.
 */
import type { ModelSpec } from './feature-extractor';
import { MicroBatcher, type BatchInfo, type BatchStats } from './micro-batcher';
import type { ModelWorkerPoolOptions } from './model-worker-pool';
import { PooledModel } from './pooled-model';
import { ModelClosedError } from './runtime-errors';
import type { ModelRuntimeOptions } from './runtime-options';
import { familyLanguages, familySupports, pipelineLanguages, type TranslationFamily } from './translation-languages';

/** The ONNX sessions transformers.js loads for an encoder-decoder (seq2seq) model. */
export const SEQ2SEQ_SESSIONS = ['encoder_model', 'decoder_model_merged'] as const;

/** The pair of one {@link TranslationModel.translate} call, in ISO 639-1 codes. */
export interface TranslateOptions {
  from: string;
  to: string;
  /** Most tokens generated per text (the pipeline's `max_new_tokens`). @defaultValue 256 */
  maxNewTokens?: number;
}

/** What identifies a shared translation model: a {@link ModelSpec} and the family, which says how languages are named. */
export interface TranslationModelSpec extends ModelSpec {
  family: TranslationFamily;
}

/** Counters of a {@link TranslationModel}, over every language pair. */
export interface TranslationModelStats extends BatchStats {
  /** Worker threads currently holding the model. */
  workers: number;
}

const DEFAULT_MAX_NEW_TOKENS = 256;

/**
 * Translates texts with one model. Get it from {@link TransformerModelRuntime.translator}, which shares one instance per
 * model, device and dtype; workers start on {@link TranslationModel.load} or the first translation.
 *
 * @example
 * const model = runtime.translator('Xenova/nllb-200-distilled-600M');
 * const [english] = await model.translate(['¿Dónde está mi pedido?'], { from: 'es', to: 'en' });
 */
export class TranslationModel extends PooledModel<'translation'> {
  readonly family: TranslationFamily;
  // One batcher per pair and length limit: a batch is one pipeline call, which takes one pair.
  private readonly batchers = new Map<string, MicroBatcher<string, string>>();
  private readonly listeners = new Set<(batch: BatchInfo) => void>();
  private readonly counters: BatchStats = { batches: 0, items: 0, requests: 0, largestBatch: 0 };

  /**
   * @param onClose called once when this instance closes (the runtime forgets it then).
   * @param spawn replaces how workers start (tests).
   */
  constructor(spec: TranslationModelSpec, options: ModelRuntimeOptions, onClose: () => void = () => undefined, spawn?: ModelWorkerPoolOptions['spawn']) {
    super('translation', spec, options, SEQ2SEQ_SESSIONS, onClose, spawn);
    this.family = spec.family;
  }

  /** The ISO 639-1 languages the model translates between (for opus-mt, the two of its pair). */
  languages(): ReadonlySet<string> {
    return familyLanguages(this.family, this.modelId);
  }

  /** Whether the model translates `from` -> `to` (ISO 639-1). */
  supports(from: string, to: string): boolean {
    return familySupports(this.family, this.modelId, from, to);
  }

  /**
   * One translation per text, in order. Calls for the same pair arriving within `batchWindowMs` share one batch of at
   * most `maxBatchSize` texts.
   *
   * @throws TranslationLanguageError when the model does not translate the pair.
   */
  async translate(texts: readonly string[], options: TranslateOptions): Promise<string[]> {
    if (this.closing) throw new ModelClosedError(this.modelId);
    const languages = pipelineLanguages(this.family, this.modelId, options.from, options.to);
    if (texts.length === 0) return [];
    await this.load();
    const maxNewTokens = Math.max(1, Math.floor(options.maxNewTokens ?? DEFAULT_MAX_NEW_TOKENS));
    const key = JSON.stringify([options.from, options.to, maxNewTokens]);
    let batcher = this.batchers.get(key);
    if (!batcher) {
      batcher = new MicroBatcher<string, string>({
        maxBatchSize: this.options.maxBatchSize,
        windowMs: this.options.batchWindowMs,
        run: async (batch) => (await this.pool.run({ texts: batch, languages, maxNewTokens })).translations,
      });
      batcher.onBatch((info) => this.record(info));
      this.batchers.set(key, batcher);
    }
    return batcher.submit(texts);
  }

  /** Calls `listener` after every batch of any pair; returns a function that removes it. */
  onBatch(listener: (batch: BatchInfo) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Batches run so far over all pairs, and the live worker threads. */
  stats(): TranslationModelStats {
    return { ...this.counters, workers: this.pool.size };
  }

  protected rejectQueued(error: Error): void {
    for (const batcher of this.batchers.values()) batcher.rejectQueued(error);
  }

  private record(info: BatchInfo): void {
    this.counters.batches += 1;
    this.counters.items += info.size;
    this.counters.requests += info.requests;
    this.counters.largestBatch = Math.max(this.counters.largestBatch, info.size);
    for (const listener of this.listeners) listener(info);
  }

}
