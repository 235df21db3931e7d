import { Redis } from 'ioredis';
import { CachedTranslator, type Translator } from '../../../nlu/translation';
import { deleteRedisPrefix, REDIS_URL, uniquePrefix } from '../../support/services';

/** Upper-cases, counting its calls. */
class CountingTranslator implements Translator {
  readonly name = 'upper';
  calls = 0;
  supports(): boolean {
    return true;
  }
  translate(text: string): Promise<string> {
    this.calls++;
    return Promise.resolve(text.toUpperCase());
  }
}

describe('CachedTranslator (real Redis)', () => {
  const prefix = uniquePrefix('tr');
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(REDIS_URL);
  });

  afterAll(async () => {
    await deleteRedisPrefix(prefix);
    redis.disconnect();
  });

  it('translates a text once per pair and serves repeats from Redis with an expiry', async () => {
    const inner = new CountingTranslator();
    const cached = new CachedTranslator(inner, redis, { keyPrefix: prefix, ttlSeconds: 60 });
    expect(await cached.translate('gracias', 'es', 'en')).toBe('GRACIAS');
    expect(await cached.translate('gracias', 'es', 'en')).toBe('GRACIAS');
    expect(await new CachedTranslator(inner, redis, { keyPrefix: prefix }).translate('gracias', 'es', 'en')).toBe('GRACIAS');
    expect(inner.calls).toBe(1);
    await cached.translate('gracias', 'es', 'fr');
    expect(inner.calls).toBe(2);
    const ttl = await redis.ttl(cached.key('gracias', 'es', 'en'));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
  });

  it('keeps translations made with different glossaries apart', async () => {
    const cached = new CachedTranslator(new CountingTranslator(), redis, { keyPrefix: prefix });
    expect(cached.key('x', 'es', 'en', { glossary: ['A', 'B'] })).toBe(cached.key('x', 'es', 'en', { glossary: ['B', 'A'] }));
    expect(cached.key('x', 'es', 'en', { glossary: ['A'] })).not.toBe(cached.key('x', 'es', 'en'));
  });

  it('still translates when Redis is unreachable', async () => {
    const broken = new Redis('redis://127.0.0.1:1', { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
    const inner = new CountingTranslator();
    expect(await new CachedTranslator(inner, broken, { keyPrefix: prefix }).translate('hola', 'es', 'en')).toBe('HOLA');
    broken.disconnect();
  });
});
