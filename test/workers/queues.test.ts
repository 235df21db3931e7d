import { Redis } from 'ioredis';
import { timeOrderedId } from '../../platform/database';
import { bullPrefix, defaultJobOptions, jobIds, openQueues, queueNames, retryAfterBackoff, RETRY_AFTER_BACKOFF, type Queues } from '../../workers/queues';
import { REDIS_URL, deleteRedisPrefix, uniquePrefix } from '../support/services';

describe('jobIds', () => {
  it('contain no ":" (BullMQ refuses it in custom ids) for message ids', () => {
    for (let i = 0; i < 20; i += 1) {
      const id = timeOrderedId();
      expect(jobIds.inbound(id)).not.toContain(':');
      expect(jobIds.outbound(id)).not.toContain(':');
    }
  });

  it('are stable per message id and differ between queues and messages', () => {
    const id = timeOrderedId();
    expect(jobIds.inbound(id)).toBe(jobIds.inbound(id));
    expect(jobIds.outbound(id)).toBe(jobIds.outbound(id));
    expect(jobIds.inbound(id)).not.toBe(jobIds.outbound(id));
    expect(jobIds.inbound(id)).not.toBe(jobIds.inbound(timeOrderedId()));
    expect(jobIds.inbound(id)).toContain(id);
  });
});

describe('defaultJobOptions', () => {
  const options = defaultJobOptions({ outboundAttempts: 7, outboundBackoffMs: 1500 });

  it('has options for every queue', () => {
    expect(Object.keys(options).sort()).toEqual(Object.keys(queueNames).sort());
  });

  it('retries outbound jobs the configured number of times with exponential backoff from the configured delay', () => {
    expect(options.outbound).toMatchObject({ attempts: 7, backoff: { type: RETRY_AFTER_BACKOFF, delay: 1500 } });
  });

  it('does not let the outbound settings change the inbound retries', () => {
    expect(options.inbound).toEqual(defaultJobOptions({ outboundAttempts: 1, outboundBackoffMs: 1 }).inbound);
    expect(options.inbound.attempts).toBeGreaterThan(1);
  });

  it('removes completed jobs and keeps failed ones for a week', () => {
    for (const queue of [options.inbound, options.outbound]) {
      expect(queue.removeOnComplete).toBe(true);
      expect(queue.removeOnFail).toEqual({ age: 7 * 24 * 3600 });
    }
  });
});

describe('bullPrefix', () => {
  it('puts BullMQ keys under the deployment prefix', () => {
    expect(bullPrefix('pgdesk')).toBe('pgdesk:bull');
    expect(bullPrefix('shop-eu')).toBe('shop-eu:bull');
  });
});

describe('openQueues', () => {
  const prefix = uniquePrefix('queues');
  let redis: Redis;
  let queues: Queues;

  beforeAll(() => {
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    queues = openQueues(redis, prefix, { outboundAttempts: 4, outboundBackoffMs: 250 });
  });

  afterAll(async () => {
    await queues?.close();
    await redis?.quit();
    await deleteRedisPrefix(prefix);
  });

  describe('when a job is added without options', () => {
    it('applies the queue defaults and stores it under the bull prefix', async () => {
      const messageId = timeOrderedId();
      const data = { items: [{ workspaceId: 'w', conversationId: 'c', messageId, channel: 'webchat' }] };
      const job = await queues.outbound.add('deliver', data, { jobId: jobIds.outbound(messageId) });
      expect(job.id).toBe(jobIds.outbound(messageId));
      expect(job.opts).toMatchObject({ attempts: 4, backoff: { type: RETRY_AFTER_BACKOFF, delay: 250 }, removeOnComplete: true });
      expect(queues.outbound.name).toBe(queueNames.outbound);
      expect(await redis.exists(`${bullPrefix(prefix)}:${queueNames.outbound}:${job.id}`)).toBe(1);
    });
  });

  describe('when the same message is queued twice', () => {
    it('keeps one job', async () => {
      const messageId = timeOrderedId();
      const data = { workspaceId: 'w', conversationId: 'c', messageId };
      await queues.inbound.add('turn', data, { jobId: jobIds.inbound(messageId) });
      await queues.inbound.add('turn', data, { jobId: jobIds.inbound(messageId) });
      expect(await queues.inbound.getJobCountByTypes('waiting')).toBe(1);
    });
  });
});

describe('retryAfterBackoff', () => {
  const job = { opts: { backoff: { type: RETRY_AFTER_BACKOFF, delay: 1000 } } };
  const rateLimited = Object.assign(new Error('429'), { retryAfterMs: 30_000 });

  it('backs off exponentially, but never sooner than the Retry-After a channel error carries, and at most 15 min', () => {
    expect([1, 2, 3].map((attempt) => retryAfterBackoff(attempt, RETRY_AFTER_BACKOFF, new Error('500'), job))).toEqual([1000, 2000, 4000]);
    expect(retryAfterBackoff(1, RETRY_AFTER_BACKOFF, rateLimited, job)).toBe(30_000);
    expect(retryAfterBackoff(6, RETRY_AFTER_BACKOFF, rateLimited, job)).toBe(32_000);
    expect(retryAfterBackoff(30, RETRY_AFTER_BACKOFF, rateLimited, job)).toBe(15 * 60_000);
    expect(retryAfterBackoff(1, RETRY_AFTER_BACKOFF, Object.assign(new Error('x'), { retryAfterMs: 'soon' }), job)).toBe(1000);
  });

  it('is used by the outbound queue only', () => {
    expect(defaultJobOptions({ outboundAttempts: 8, outboundBackoffMs: 1000 }).outbound.backoff).toEqual({ type: RETRY_AFTER_BACKOFF, delay: 1000 });
    expect(retryAfterBackoff(1, 'exponential', rateLimited, job)).toBe(0);
  });
});
