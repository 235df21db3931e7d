/**
 * The platform's translator from configuration: Apertium (through a warm apertium-apy service when installed, or at
 * TRANSLATION_APERTIUM_URL, else through the `apertium` command) and/or a transformer translation model
 * (TRANSLATION_MODEL, run by the model runtime), routed per pair, with protected terms and a Redis cache around it.
 */
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { TransformerModelRuntime, type ModelRuntimeOptions } from '../runtime';
import { ApertiumApyTranslator } from './apertium-apy-translator';
import { ApertiumTranslator } from './apertium-translator';
import { CachedTranslator } from './cached-translator';
import { TermProtectingTranslator, type ProtectionOptions } from './protected-terms';
import { TransformersTranslator } from './transformers-translator';
import { TranslationRouter } from './translation-router';
import { TranslationError, type Translator } from './translator';

/** Settings (the `translation` config section). */
export interface TranslatorSettings {
  engine: 'auto' | 'apertium' | 'transformers' | 'none';
  /** A running apertium-apy; empty: start one when installed. */
  apertiumUrl: string;
  /** Hub id(s) of transformer translation models, comma-separated; empty: none. @defaultValue '' */
  model?: string;
  /** With `auto`, which backend translates a pair both cover. @defaultValue 'apertium' */
  prefer?: 'apertium' | 'transformers';
}

/** Dependencies: Redis for the cache (absent: no cache), a logger, the model runtime for TRANSLATION_MODEL. */
export interface TranslatorDependencies {
  redis?: Redis;
  keyPrefix?: string;
  logger?: Logger;
  protection?: (from: string) => ProtectionOptions;
  /** The process's model runtime; absent: one is made from `runtimeOptions` when a model is configured. */
  modelRuntime?: Pick<TransformerModelRuntime, 'translator'>;
  /** Settings of the runtime made when `modelRuntime` is absent (the `models` config section). */
  runtimeOptions?: Partial<ModelRuntimeOptions>;
}

/** The bare Apertium backend: APY when reachable, else the command, else undefined. */
export async function createApertiumBackend(settings: Pick<TranslatorSettings, 'apertiumUrl'>, logger?: Logger): Promise<Translator | undefined> {
  try {
    return await ApertiumApyTranslator.start(settings.apertiumUrl ? { url: settings.apertiumUrl } : {});
  } catch (error) {
    if (settings.apertiumUrl) throw error;
    logger?.info({ reason: (error as Error).message }, 'apertium-apy not available; translating with the apertium command (slower)');
  }
  return ApertiumTranslator.detect();
}

/** The model ids of `TRANSLATION_MODEL` (comma-separated, blanks ignored). */
export function translationModelIds(model: string | undefined): string[] {
  return (model ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
}

/**
 * The transformer backend for the configured model(s), loaded (files checked, workers started), or undefined when none
 * is configured.
 *
 * @throws ModelNotFoundError when a configured model is not in the models folder.
 */
export async function createTransformersBackend(
  settings: Pick<TranslatorSettings, 'model'>,
  deps: Pick<TranslatorDependencies, 'modelRuntime' | 'runtimeOptions'> = {},
): Promise<TransformersTranslator | undefined> {
  const models = translationModelIds(settings.model);
  if (models.length === 0) return undefined;
  const backend = new TransformersTranslator(deps.modelRuntime ?? new TransformerModelRuntime(deps.runtimeOptions), { models });
  try {
    await backend.load();
  } catch (error) {
    await backend.close();
    throw error;
  }
  return backend;
}

async function createBackend(settings: TranslatorSettings, deps: TranslatorDependencies): Promise<Translator | undefined> {
  if (settings.engine === 'transformers') {
    const backend = await createTransformersBackend(settings, deps);
    if (!backend) {
      throw new TranslationError('TRANSLATION_ENGINE=transformers needs TRANSLATION_MODEL (e.g. Xenova/nllb-200-distilled-600M, fetched with `npm run models:download`)');
    }
    return backend;
  }
  const apertium = await createApertiumBackend(settings, deps.logger);
  if (settings.engine === 'apertium') {
    if (!apertium) {
      throw new TranslationError(
        'TRANSLATION_ENGINE=apertium but Apertium is not installed: apt-get install apertium apertium-apy apertium-eng-spa apertium-fr-es apertium-es-pt (or set TRANSLATION_ENGINE=auto)',
      );
    }
    return apertium;
  }
  // auto: whatever is available, routed per pair in the preferred order.
  let transformers: Translator | undefined;
  try {
    transformers = await createTransformersBackend(settings, deps);
  } catch (error) {
    await apertium?.close?.();
    throw error;
  }
  const backends = [apertium, transformers].filter((backend): backend is Translator => backend !== undefined);
  if (settings.prefer === 'transformers') backends.reverse();
  if (backends.length <= 1) return backends[0];
  return new TranslationRouter(backends);
}

/**
 * @returns undefined with `engine: none`, or with `auto` when neither Apertium nor a model is available.
 * @throws TranslationError with `engine: apertium` when Apertium is missing, or `engine: transformers` without a model.
 * @throws ModelNotFoundError when TRANSLATION_MODEL is set but not in the models folder.
 */
export async function createTranslator(settings: TranslatorSettings, deps: TranslatorDependencies = {}): Promise<Translator | undefined> {
  if (settings.engine === 'none') return undefined;
  const backend = await createBackend(settings, deps);
  if (!backend) return undefined;
  const guarded = new TermProtectingTranslator(backend, deps.protection);
  return deps.redis ? new CachedTranslator(guarded, deps.redis, { keyPrefix: deps.keyPrefix ?? 'pgdesk' }) : guarded;
}
