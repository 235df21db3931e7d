/**
 * Dynamic micro-batching: items submitted by concurrent callers within a short window (or until the batch is full)
 * are run as one batch, and each caller gets back the results of its own items, in order.
 */

/** One batch that ran (or failed). */
export interface BatchInfo {
  /** Items in the batch. */
  size: number;
  /** Distinct `submit` calls with items in the batch. */
  requests: number;
  /** Time from the batch leaving the queue to its results (or error). */
  durationMs: number;
  /** Whether the batch failed. */
  failed: boolean;
}

/** Counters since the batcher was created. */
export interface BatchStats {
  /** Batches run (failed ones included). */
  batches: number;
  /** Items over all batches. */
  items: number;
  /** Sum over batches of the requests each held (a request split over two batches counts twice). */
  requests: number;
  /** Largest batch so far. */
  largestBatch: number;
}

/** Settings of a {@link MicroBatcher}. */
export interface MicroBatcherOptions<TItem, TResult> {
  /** Most items per batch; a larger request is split over several batches. */
  maxBatchSize: number;
  /** How long the first queued item waits for company. `0` still groups what arrives in the same tick. */
  windowMs: number;
  /** Runs one batch; must return one result per item, in order. */
  run(items: TItem[]): Promise<TResult[]>;
}

interface PendingRequest<TResult> {
  results: TResult[];
  remaining: number;
  settled: boolean;
  resolve(results: TResult[]): void;
  reject(error: Error): void;
}

interface QueuedItem<TItem, TResult> {
  item: TItem;
  request: PendingRequest<TResult>;
  index: number;
}

/**
 * Groups concurrent requests into batches.
 *
 * @example
 * const batcher = new MicroBatcher({ maxBatchSize: 32, windowMs: 2, run: (texts) => model.embed(texts) });
 * const [a, b] = await Promise.all([batcher.submit(['hi']), batcher.submit(['hola', 'salut'])]); // one batch of 3
 */
export class MicroBatcher<TItem, TResult> {
  private queue: Array<QueuedItem<TItem, TResult>> = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<(batch: BatchInfo) => void>();
  private readonly counters: BatchStats = { batches: 0, items: 0, requests: 0, largestBatch: 0 };

  constructor(private readonly options: MicroBatcherOptions<TItem, TResult>) {}

  /** Queues `items`; resolves with their results once every batch holding them has run. */
  submit(items: readonly TItem[]): Promise<TResult[]> {
    if (items.length === 0) return Promise.resolve([]);
    return new Promise<TResult[]>((resolve, reject) => {
      const request: PendingRequest<TResult> = {
        results: new Array<TResult>(items.length),
        remaining: items.length,
        settled: false,
        resolve,
        reject,
      };
      items.forEach((item, index) => this.queue.push({ item, request, index }));
      // Full batches go at once; what is left waits for the window opened by the oldest queued item.
      while (this.queue.length >= this.options.maxBatchSize) this.runBatch(this.queue.splice(0, this.options.maxBatchSize));
      if (this.queue.length === 0) this.clearTimer();
      else this.timer ??= setTimeout(() => this.flush(), this.options.windowMs);
    });
  }

  /** Runs everything queued now, without waiting for the window. */
  flush(): void {
    this.clearTimer();
    while (this.queue.length > 0) this.runBatch(this.queue.splice(0, this.options.maxBatchSize));
  }

  /** Calls `listener` after every batch (after its callers are settled); returns a function that removes it. Listeners must not throw. */
  onBatch(listener: (batch: BatchInfo) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A copy of the counters. */
  stats(): BatchStats {
    return { ...this.counters };
  }

  /** Fails every queued (not yet running) request with `error`. */
  rejectQueued(error: Error): void {
    this.clearTimer();
    const queued = this.queue;
    this.queue = [];
    for (const { request } of queued) this.settle(request, error);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private runBatch(batch: Array<QueuedItem<TItem, TResult>>): void {
    void this.runAndSettle(batch);
  }

  private async runAndSettle(batch: Array<QueuedItem<TItem, TResult>>): Promise<void> {
    const started = performance.now();
    let failure: Error | undefined;
    try {
      const results = await this.options.run(batch.map((entry) => entry.item));
      if (results.length !== batch.length) {
        throw new Error(`a batch of ${batch.length} items returned ${results.length} results`);
      }
      batch.forEach((entry, position) => {
        entry.request.results[entry.index] = results[position] as TResult;
        entry.request.remaining -= 1;
        if (entry.request.remaining === 0) this.settle(entry.request);
      });
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
      for (const entry of batch) this.settle(entry.request, failure);
    }
    const requests = new Set(batch.map((entry) => entry.request)).size;
    this.counters.batches += 1;
    this.counters.items += batch.length;
    this.counters.requests += requests;
    this.counters.largestBatch = Math.max(this.counters.largestBatch, batch.length);
    const info: BatchInfo = { size: batch.length, requests, durationMs: performance.now() - started, failed: !!failure };
    for (const listener of this.listeners) listener(info);
  }

  private settle(request: PendingRequest<TResult>, error?: Error): void {
    if (request.settled) return;
    request.settled = true;
    if (error) request.reject(error);
    else request.resolve(request.results);
  }
}
