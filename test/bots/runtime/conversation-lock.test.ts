import { Redis } from 'ioredis';
import { ConversationLock } from '../../../bots/runtime/conversation-lock';
import { REDIS_URL, deleteRedisPrefix, uniquePrefix } from '../../support/services';

describe('ConversationLock', () => {
  const prefix = uniquePrefix('lock');
  let redis: Redis;
  let lock: ConversationLock;

  beforeAll(() => {
    redis = new Redis(REDIS_URL);
    lock = new ConversationLock(redis, prefix);
  });

  afterAll(async () => {
    await deleteRedisPrefix(prefix);
    await redis.quit();
  });

  describe('when several workers try to take the same conversation at once', () => {
    it('gives it to exactly one', async () => {
      const tokens = await Promise.all(Array.from({ length: 10 }, () => lock.tryAcquire('c-race')));
      expect(tokens.filter((t) => t !== undefined)).toHaveLength(1);
    });
  });

  describe('when the lock is held', () => {
    it('refuses a second holder until the holder releases it', async () => {
      const token = await lock.tryAcquire('c-held');
      expect(token).toEqual(expect.any(String));
      expect(await lock.tryAcquire('c-held')).toBeUndefined();
      await lock.release('c-held', token as string);
      expect(await lock.tryAcquire('c-held')).toEqual(expect.any(String));
    });

    it('does not block other conversations', async () => {
      expect(await lock.tryAcquire('c-a')).toBeDefined();
      expect(await lock.tryAcquire('c-b')).toBeDefined();
    });

    it('keeps its key under the configured prefix', async () => {
      await lock.tryAcquire('c-key');
      expect(await redis.exists(`${prefix}:lock:conversation:c-key`)).toBe(1);
    });
  });

  describe('when someone who does not hold the lock releases it', () => {
    it('does nothing', async () => {
      const token = await lock.tryAcquire('c-other');
      await lock.release('c-other', 'not-the-token');
      expect(await lock.tryAcquire('c-other')).toBeUndefined();
      expect(await redis.get(`${prefix}:lock:conversation:c-other`)).toBe(token);
    });
  });

  describe('when the holder dies without releasing', () => {
    it('expires after its ttl, and the old holder’s late release does not free the new holder’s lock', async () => {
      const shortLived = new ConversationLock(redis, prefix, 150);
      const first = await shortLived.tryAcquire('c-ttl');
      expect(first).toBeDefined();
      expect(await shortLived.tryAcquire('c-ttl')).toBeUndefined();
      const pttl = await redis.pttl(`${prefix}:lock:conversation:c-ttl`);
      expect(pttl).toBeGreaterThan(0);
      expect(pttl).toBeLessThanOrEqual(150);
      await new Promise((resolve) => setTimeout(resolve, 250));
      const second = await shortLived.tryAcquire('c-ttl');
      expect(second).toBeDefined();
      await shortLived.release('c-ttl', first as string);
      expect(await shortLived.tryAcquire('c-ttl')).toBeUndefined();
    });
  });
});
