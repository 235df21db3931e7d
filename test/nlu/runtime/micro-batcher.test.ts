import { MicroBatcher, type BatchInfo } from '../../../nlu/runtime';

/** A batcher whose batches upper-case their items, recording each batch it ran. */
function upperCaseBatcher(maxBatchSize: number, windowMs: number) {
  const ran: string[][] = [];
  const batches: BatchInfo[] = [];
  const batcher = new MicroBatcher<string, string>({
    maxBatchSize,
    windowMs,
    run: async (items) => {
      ran.push(items);
      return items.map((item) => item.toUpperCase());
    },
  });
  batcher.onBatch((batch) => batches.push(batch));
  return { batcher, ran, batches };
}

describe('MicroBatcher', () => {
  describe('when several requests arrive within the window', () => {
    it('runs them as one batch and gives each caller its own results in order', async () => {
      const { batcher, ran, batches } = upperCaseBatcher(32, 5);
      const results = await Promise.all([batcher.submit(['a', 'b']), batcher.submit(['c']), batcher.submit(['d', 'e'])]);
      expect(results).toEqual([['A', 'B'], ['C'], ['D', 'E']]);
      expect(ran).toEqual([['a', 'b', 'c', 'd', 'e']]);
      expect(batches).toEqual([expect.objectContaining({ size: 5, requests: 3, failed: false })]);
      expect(batcher.stats()).toEqual({ batches: 1, items: 5, requests: 3, largestBatch: 5 });
    });
  });

  describe('when requests arrive after the window closed', () => {
    it('runs them in separate batches', async () => {
      const { batcher, ran } = upperCaseBatcher(32, 1);
      await batcher.submit(['a']);
      await batcher.submit(['b']);
      expect(ran).toEqual([['a'], ['b']]);
    });
  });

  describe('when more items are queued than maxBatchSize', () => {
    it('splits them into full batches and a remainder, keeping every caller in order', async () => {
      const { batcher, ran } = upperCaseBatcher(3, 5);
      const results = await Promise.all([batcher.submit(['a', 'b']), batcher.submit(['c', 'd', 'e', 'f', 'g'])]);
      expect(results).toEqual([['A', 'B'], ['C', 'D', 'E', 'F', 'G']]);
      expect(ran).toEqual([['a', 'b', 'c'], ['d', 'e', 'f'], ['g']]);
    });

    it('does not wait for the window once a batch is full', async () => {
      const { batcher } = upperCaseBatcher(2, 60_000);
      await expect(batcher.submit(['a', 'b'])).resolves.toEqual(['A', 'B']);
    });
  });

  describe('when a batch fails', () => {
    it('rejects every request in it and reports the failure', async () => {
      const batches: BatchInfo[] = [];
      const batcher = new MicroBatcher<string, string>({
        maxBatchSize: 8,
        windowMs: 1,
        run: async () => {
          throw new Error('model crashed');
        },
      });
      batcher.onBatch((batch) => batches.push(batch));
      const outcomes = await Promise.allSettled([batcher.submit(['a']), batcher.submit(['b'])]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
      expect(batches).toEqual([expect.objectContaining({ size: 2, failed: true })]);
    });
  });

  describe('when the queue is rejected', () => {
    it('fails waiting requests without running them', async () => {
      const { batcher, ran } = upperCaseBatcher(8, 60_000);
      const pending = batcher.submit(['a']);
      batcher.rejectQueued(new Error('closing'));
      await expect(pending).rejects.toThrow('closing');
      expect(ran).toEqual([]);
    });
  });

  describe('when a request has no items', () => {
    it('resolves at once without a batch', async () => {
      const { batcher, ran } = upperCaseBatcher(8, 5);
      await expect(batcher.submit([])).resolves.toEqual([]);
      expect(ran).toEqual([]);
    });
  });
});
