import { Redis } from 'ioredis';
import { DeliveryDedup } from '../../../../bots/channels/slack';
import { deleteRedisPrefix, REDIS_URL, uniquePrefix } from '../../../support/services';

describe('DeliveryDedup', () => {
  let redis: Redis;
  let prefix: string;
  let dedup: DeliveryDedup;
  beforeAll(() => {
    redis = new Redis(REDIS_URL);
  });
  beforeEach(() => {
    prefix = uniquePrefix('slack-dedup');
    dedup = new DeliveryDedup(redis, prefix, { doneTtlSeconds: 60, claimTtlSeconds: 1 });
  });
  afterEach(async () => {
    await deleteRedisPrefix(prefix);
  });
  afterAll(async () => {
    await redis.quit();
  });

  it('claims a delivery once; a second claim sees it in flight, then done', async () => {
    expect(await dedup.claim('event:E1')).toBe('claimed');
    expect(await dedup.claim('event:E1')).toBe('in_flight');
    await dedup.complete('event:E1');
    expect(await dedup.claim('event:E1')).toBe('done');
    expect(await redis.ttl(`${prefix}:slack:delivery:event:E1`)).toBeGreaterThan(50);
  });

  it('lets a released delivery be claimed again', async () => {
    await dedup.claim('event:E2');
    await dedup.release('event:E2');
    expect(await dedup.claim('event:E2')).toBe('claimed');
  });

  it('lets a claim lapse when its holder died, so a later retry runs', async () => {
    await dedup.claim('event:E3');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await dedup.claim('event:E3')).toBe('claimed');
  });

  it('is shared by every process on the same Redis', async () => {
    const other = new DeliveryDedup(redis, prefix);
    await dedup.claim('event:E4');
    await dedup.complete('event:E4');
    expect(await other.claim('event:E4')).toBe('done');
  });
});
