/**
 * Translations cached in Redis: shoppers and agents repeat themselves ("thank you", "where is my order?"), and a
 * knowledge-base passage is translated again for every shopper who asks. Keyed by backend, pair and a hash of the
 * text; a cache that cannot be reached only costs the translation, never the message.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { TranslationContext, Translator } from './translator';

/** Options of {@link CachedTranslator}. */
export interface TranslationCacheOptions {
  /** Key prefix (the deployment's Redis prefix). */
  keyPrefix: string;
  /** @defaultValue 30 days */
  ttlSeconds?: number;
}

/** See the file comment. */
export class CachedTranslator implements Translator {
  readonly name: string;
  private readonly ttl: number;

  constructor(
    private readonly inner: Translator,
    private readonly redis: Redis,
    private readonly options: TranslationCacheOptions,
  ) {
    this.name = inner.name;
    this.ttl = options.ttlSeconds ?? 30 * 24 * 3600;
  }

  supports(from: string, to: string): boolean {
    return this.inner.supports(from, to);
  }

  /** The cache key of a translation (a glossary changes what is protected, so it is part of the key). */
  key(text: string, from: string, to: string, context: TranslationContext = {}): string {
    const hash = createHash('sha256')
      .update(text)
      .update(context.glossary?.length ? `\u0000${[...context.glossary].sort().join('\u0001')}` : '')
      .digest('base64url')
      .slice(0, 32);
    return `${this.options.keyPrefix}:translation:${this.inner.name}:${from}:${to}:${hash}`;
  }

  async translate(text: string, from: string, to: string, context: TranslationContext = {}): Promise<string> {
    const key = this.key(text, from, to, context);
    const cached = await this.redis.get(key).catch(() => null);
    if (cached !== null) return cached;
    const translated = await this.inner.translate(text, from, to, context);
    await this.redis.set(key, translated, 'EX', this.ttl).catch(() => undefined);
    return translated;
  }

  close(): Promise<void> {
    return this.inner.close?.() ?? Promise.resolve();
  }
}
