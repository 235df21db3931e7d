import pino from 'pino';
import { ensureRedisReachable, RedisUnavailableError } from '../../../platform/redis';
import { REDIS_URL } from '../../support/services';

const logger = pino({ level: 'silent' });

describe('ensureRedisReachable', () => {
  it('resolves when Redis answers', async () => {
    await expect(ensureRedisReachable(REDIS_URL, { startLocal: false, logger })).resolves.toBeUndefined();
  });

  describe('when nothing listens at a local URL and starting one is not allowed', () => {
    it('fails with the command that fixes it', async () => {
      const error = await ensureRedisReachable('redis://127.0.0.1:1', { startLocal: false, logger }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RedisUnavailableError);
      expect((error as Error).message).toMatch(/not reachable at 127\.0\.0\.1:1/);
      expect((error as Error).message).toMatch(/redis-server --daemonize yes/);
    });
  });

  describe('when the URL is not one of the local names', () => {
    it('does not try to start a local server and says what to check', async () => {
      const error = await ensureRedisReachable('redis://127.0.0.2:1', { startLocal: true, logger }).catch((e: unknown) => e);
      expect((error as Error).message).toMatch(/Check that the server is up/);
    });
  });
});
