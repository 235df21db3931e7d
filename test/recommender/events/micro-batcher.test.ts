import { BatcherBusyError, BatcherClosedError, MicroBatcher } from '../../../recommender/events';

/** A flush that records its batches and answers each item doubled, after `delayMs`. */
function recordingFlush(delayMs = 0) {
  const batches: number[][][] = [];
  const flush = async (units: ReadonlyArray<readonly number[]>) => {
    batches.push(units.map((unit) => [...unit]));
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return units.map((unit) => unit.map((item) => item * 2));
  };
  return { batches, flush };
}

describe('MicroBatcher', () => {
  describe('when requests arrive together', () => {
    it('writes them in one flush and answers each with its own outcomes', async () => {
      const { batches, flush } = recordingFlush();
      const batcher = new MicroBatcher(flush, { windowMs: 5 });
      const answers = await Promise.all([batcher.submit([1, 2]), batcher.submit([3]), batcher.submit([4, 5, 6])]);
      expect(answers).toEqual([[2, 4], [6], [8, 10, 12]]);
      expect(batches).toEqual([[[1, 2], [3], [4, 5, 6]]]);
    });
  });

  describe('while a flush is running', () => {
    it('gathers what arrives for the next flush and starts it as soon as the first ends', async () => {
      const { batches, flush } = recordingFlush(20);
      const batcher = new MicroBatcher(flush, { windowMs: 1 });
      const first = batcher.submit([1]);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const later = [batcher.submit([2]), batcher.submit([3])];
      await Promise.all([first, ...later]);
      expect(batches).toEqual([[[1]], [[2], [3]]]);
    });
  });

  describe('when enough items wait', () => {
    it('flushes without waiting for the window, keeping each request’s items together', async () => {
      const { batches, flush } = recordingFlush();
      const batcher = new MicroBatcher(flush, { windowMs: 10_000, maxBatchItems: 3 });
      await Promise.all([batcher.submit([1, 2]), batcher.submit([3, 4])]);
      expect(batches).toEqual([[[1, 2]], [[3, 4]]]);
    });
  });

  describe('when too many items wait', () => {
    it('refuses more with a busy error instead of holding them', async () => {
      const { flush } = recordingFlush(20);
      const batcher = new MicroBatcher(flush, { windowMs: 50, maxPendingItems: 3 });
      const accepted = batcher.submit([1, 2, 3]);
      await expect(batcher.submit([4])).rejects.toBeInstanceOf(BatcherBusyError);
      await expect(accepted).resolves.toEqual([2, 4, 6]);
    });
  });

  describe('when a flush fails', () => {
    it('retries the units one by one so that only the faulty one fails', async () => {
      const batches: number[][][] = [];
      const batcher = new MicroBatcher<number, number>(async (units) => {
        batches.push(units.map((unit) => [...unit]));
        if (units.some((unit) => unit.includes(13))) throw new Error('unlucky');
        return units.map((unit) => [...unit]);
      });
      const results = await Promise.allSettled([batcher.submit([1]), batcher.submit([13]), batcher.submit([2])]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(batches).toEqual([[[1], [13], [2]], [[1]], [[13]], [[2]]]);
    });
  });

  describe('on close', () => {
    it('writes what waits, then refuses new items', async () => {
      const { batches, flush } = recordingFlush();
      const batcher = new MicroBatcher(flush, { windowMs: 10_000 });
      const waiting = batcher.submit([7]);
      await batcher.close();
      await expect(waiting).resolves.toEqual([14]);
      expect(batches).toHaveLength(1);
      await expect(batcher.submit([8])).rejects.toBeInstanceOf(BatcherClosedError);
    });
  });
});
