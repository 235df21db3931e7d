/**
 * A {@link Translator} backed by transformer translation models run by the model runtime (transformers.js in worker
 * threads, concurrent translations of a pair merged into micro-batches). One NLLB or M2M100 model covers many pairs;
 * per-pair opus-mt models can be listed side by side.
 */
import type { TransformerModelRuntime, TranslationModel } from '../runtime';
import { TranslationError, type Translator } from './translator';

/** Settings of a {@link TransformersTranslator}. */
export interface TransformersTranslatorOptions {
  /**
   * Hub ids of the models, tried in order for each pair, e.g. `['Xenova/nllb-200-distilled-600M']` or
   * `['Xenova/opus-mt-es-en', 'Xenova/opus-mt-en-es']`. The family (how languages are named) comes from each id.
   */
  models: readonly string[];
  /** Most tokens generated per message. @defaultValue 256 */
  maxNewTokens?: number;
}

/**
 * Translates with the first configured model that covers the pair.
 *
 * @example
 * const translator = new TransformersTranslator(runtime, { models: ['Xenova/m2m100_418M'] });
 * await translator.translate('¿Dónde está mi pedido?', 'es', 'en');
 */
export class TransformersTranslator implements Translator {
  readonly name = 'transformers';
  private readonly models: TranslationModel[];

  /**
   * @throws TranslationError when no model is given.
   * @throws TranslationLanguageError when a model id names no known family.
   */
  constructor(
    runtime: Pick<TransformerModelRuntime, 'translator'>,
    private readonly options: TransformersTranslatorOptions,
  ) {
    if (options.models.length === 0) {
      throw new TranslationError('TransformersTranslator needs at least one model id (TRANSLATION_MODEL, e.g. Xenova/nllb-200-distilled-600M)');
    }
    this.models = options.models.map((modelId) => runtime.translator(modelId));
  }

  supports(from: string, to: string): boolean {
    return this.models.some((model) => model.supports(from, to));
  }

  async translate(text: string, from: string, to: string): Promise<string> {
    if (from === to) return text;
    const model = this.models.find((candidate) => candidate.supports(from, to));
    if (!model) {
      throw new TranslationError(`no configured translation model translates ${from} -> ${to} (${this.options.models.join(', ')})`);
    }
    const [translation] = await model.translate([text], { from, to, ...(this.options.maxNewTokens ? { maxNewTokens: this.options.maxNewTokens } : {}) });
    return translation ?? '';
  }

  /** Loads every model now (workers start, files are checked), so the first message is not slow and a missing model fails at start-up. */
  async load(): Promise<void> {
    await Promise.all(this.models.map((model) => model.load()));
  }

  async close(): Promise<void> {
    await Promise.all(this.models.map((model) => model.close()));
  }
}
