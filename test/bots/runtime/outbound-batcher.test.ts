import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { OutboundBatcher } from '../../../bots/runtime/outbound-batcher';
import { jobIds, openQueues, type OutboundItem, type OutboundJobData, type Queues } from '../../../workers/queues';
import { REDIS_URL, deleteRedisPrefix, uniquePrefix } from '../../support/services';

function item(messageId: string): OutboundItem {
  return { workspaceId: 'w', conversationId: `c-${messageId}`, messageId, channel: 'webchat' };
}

/** Records what would be queued; `fail` makes the next add reject. */
function recordingQueue() {
  const added: Array<{ data: OutboundJobData; jobId?: string }> = [];
  const state = { fail: false };
  const queue = {
    async add(_name: string, data: OutboundJobData, opts: { jobId?: string }) {
      if (state.fail) throw new Error('Redis is down');
      added.push({ data, jobId: opts.jobId });
    },
  } as unknown as Queue<OutboundJobData>;
  return { queue, added, state };
}

describe('OutboundBatcher', () => {
  describe('when replies arrive within the window', () => {
    it('puts them in one job keyed by the first message', async () => {
      const { queue, added } = recordingQueue();
      const batcher = new OutboundBatcher(queue, 20);
      await Promise.all([batcher.add([item('a')]), batcher.add([item('b'), item('c')])]);
      expect(added).toHaveLength(1);
      expect(added[0]?.jobId).toBe(jobIds.outbound('a'));
      expect(added[0]?.data.items.map((i) => i.messageId)).toEqual(['a', 'b', 'c']);
    });
  });

  describe('when the batch is full', () => {
    it('sends it without waiting for the window', async () => {
      const { queue, added } = recordingQueue();
      const batcher = new OutboundBatcher(queue, 60_000, 2);
      await batcher.add([item('a'), item('b')]);
      expect(added).toHaveLength(1);
    });
  });

  describe('with a window of 0', () => {
    it('queues every call as its own job', async () => {
      const { queue, added } = recordingQueue();
      const batcher = new OutboundBatcher(queue, 0);
      await Promise.all([batcher.add([item('a')]), batcher.add([item('b')])]);
      expect(added.map((a) => a.jobId)).toEqual([jobIds.outbound('a'), jobIds.outbound('b')]);
    });
  });

  describe('when queueing fails', () => {
    it('rejects every caller of that batch', async () => {
      const { queue, state } = recordingQueue();
      state.fail = true;
      const batcher = new OutboundBatcher(queue, 5);
      const results = await Promise.allSettled([batcher.add([item('a')]), batcher.add([item('b')])]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    });
  });

  it('adds nothing for an empty list', async () => {
    const { queue, added } = recordingQueue();
    await new OutboundBatcher(queue, 5).add([]);
    expect(added).toHaveLength(0);
  });

  describe('on a real queue', () => {
    const prefix = uniquePrefix('batch');
    let redis: Redis;
    let queues: Queues;

    beforeAll(() => {
      redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
      queues = openQueues(redis, prefix, { outboundAttempts: 3, outboundBackoffMs: 100 });
    });

    afterAll(async () => {
      await queues.close();
      redis.disconnect();
      await deleteRedisPrefix(prefix);
    });

    it('stores the batch as one waiting job', async () => {
      const batcher = new OutboundBatcher(queues.outbound, 10);
      await Promise.all([batcher.add([item('x1')]), batcher.add([item('x2')])]);
      const job = await queues.outbound.getJob(jobIds.outbound('x1'));
      expect(job?.data.items.map((i) => i.messageId)).toEqual(['x1', 'x2']);
      expect(await queues.outbound.getJob(jobIds.outbound('x2'))).toBeUndefined();
    });
  });
});
