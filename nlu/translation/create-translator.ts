/**
 * The platform's translator from configuration: Apertium through a warm apertium-apy service when installed (or at
 * TRANSLATION_APERTIUM_URL), else through the `apertium` command, with protected terms and a Redis cache around it.
 */
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { ApertiumApyTranslator } from './apertium-apy-translator';
import { ApertiumTranslator } from './apertium-translator';
import { CachedTranslator } from './cached-translator';
import { TermProtectingTranslator, type ProtectionOptions } from './protected-terms';
import { TranslationError, type Translator } from './translator';

/** Settings (the `translation` config section). */
export interface TranslatorSettings {
  engine: 'auto' | 'apertium' | 'none';
  /** A running apertium-apy; empty: start one when installed. */
  apertiumUrl: string;
}

/** Dependencies: Redis for the cache (absent: no cache), a logger. */
export interface TranslatorDependencies {
  redis?: Redis;
  keyPrefix?: string;
  logger?: Logger;
  protection?: (from: string) => ProtectionOptions;
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

/**
 * @returns undefined with `engine: none`, or with `auto` when Apertium is missing.
 * @throws TranslationError with `engine: apertium` when Apertium is missing.
 */
export async function createTranslator(settings: TranslatorSettings, deps: TranslatorDependencies = {}): Promise<Translator | undefined> {
  if (settings.engine === 'none') return undefined;
  const backend = await createApertiumBackend(settings, deps.logger);
  if (!backend) {
    if (settings.engine === 'apertium') {
      throw new TranslationError(
        'TRANSLATION_ENGINE=apertium but Apertium is not installed: apt-get install apertium apertium-apy apertium-eng-spa apertium-fr-es apertium-es-pt (or set TRANSLATION_ENGINE=auto)',
      );
    }
    return undefined;
  }
  const guarded = new TermProtectingTranslator(backend, deps.protection);
  return deps.redis ? new CachedTranslator(guarded, deps.redis, { keyPrefix: deps.keyPrefix ?? 'pgdesk' }) : guarded;
}
