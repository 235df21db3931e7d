/**
 * Group commit for bulk writes: units submitted by concurrent requests are gathered for a few milliseconds (or until
 * enough items wait) and written by one `flush` call, i.e. one transaction with multi-row inserts, instead of one
 * transaction each. While a flush runs, new units gather for the next one, so under load batches grow by themselves
 * and the window only matters when the system is idle. A unit's promise resolves after the flush that holds it has
 * committed: "acknowledged" still means "durable".
 *
 * A failed flush of several units is retried unit by unit, so one unit that cannot be written (a constraint it
 * breaks) fails alone. Memory is bounded: beyond `maxPending` waiting items, `submit` refuses with
 * {@link BatcherBusyError} (the HTTP layer answers 503 and senders retry).
 */

/** Tuning of {@link MicroBatcher}. */
export interface MicroBatcherOptions {
  /** How long the first unit waits for company when no flush is running. @defaultValue 5 */
  windowMs?: number;
  /** Items that start a flush at once; a flush takes whole units up to about this many. @defaultValue 2000 */
  maxBatchItems?: number;
  /** Items allowed to wait; beyond, submit refuses. @defaultValue 50000 */
  maxPendingItems?: number;
  /** Flushes running at once (1 for SQLite, whose writes are serial anyway). @defaultValue 1 */
  concurrency?: number;
}

/** Submitting would hold more than `maxPendingItems` items in memory; retry later. */
export class BatcherBusyError extends Error {
  override readonly name = 'BatcherBusyError';
}

/** The batcher was closed; nothing more is accepted. */
export class BatcherClosedError extends Error {
  override readonly name = 'BatcherClosedError';
}

interface Unit<I, O> {
  items: readonly I[];
  resolve: (outcomes: O[]) => void;
  reject: (error: unknown) => void;
}

/** Writes one batch: the outcome of each unit's items, in order (one array per unit). */
export type FlushFunction<I, O> = (units: ReadonlyArray<readonly I[]>) => Promise<O[][]>;

/** See the file comment. */
export class MicroBatcher<I, O> {
  private pending: Unit<I, O>[] = [];
  private pendingItems = 0;
  private running = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  private readonly idle = new Set<() => void>();
  private readonly windowMs: number;
  private readonly maxBatchItems: number;
  private readonly maxPendingItems: number;
  private readonly concurrency: number;

  constructor(
    private readonly flush: FlushFunction<I, O>,
    options: MicroBatcherOptions = {},
  ) {
    this.windowMs = options.windowMs ?? 5;
    this.maxBatchItems = options.maxBatchItems ?? 2000;
    this.maxPendingItems = options.maxPendingItems ?? 50_000;
    this.concurrency = Math.max(1, options.concurrency ?? 1);
  }

  /** Items waiting for a flush. */
  get waiting(): number {
    return this.pendingItems;
  }

  /**
   * Queues items to be written together in one flush; resolves with their outcomes once committed.
   * @throws BatcherBusyError when too many items wait already; BatcherClosedError after {@link close}.
   */
  submit(items: readonly I[]): Promise<O[]> {
    if (this.closed) return Promise.reject(new BatcherClosedError('The event writer is shutting down; send the events again.'));
    if (items.length === 0) return Promise.resolve([]);
    if (this.pendingItems + items.length > this.maxPendingItems) {
      return Promise.reject(new BatcherBusyError(`${this.pendingItems} events are waiting to be written; send these again in a moment.`));
    }
    return new Promise<O[]>((resolve, reject) => {
      this.pending.push({ items, resolve, reject });
      this.pendingItems += items.length;
      this.schedule();
    });
  }

  /** Writes everything waiting now and resolves when no flush is running. */
  async drain(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.pending.length > 0 || this.running > 0) {
      this.startFlushes();
      await new Promise<void>((resolve) => this.idle.add(resolve));
    }
  }

  /** Refuses new items, then writes what waits. */
  async close(): Promise<void> {
    this.closed = true;
    await this.drain();
  }

  private schedule(): void {
    if (this.pendingItems >= this.maxBatchItems) {
      this.startFlushes();
      return;
    }
    // A flush in progress will pick these up when it ends; an idle batcher waits the window for company.
    if (this.running === 0 && !this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.startFlushes();
      }, this.windowMs);
    }
  }

  private startFlushes(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.pending.length > 0 && this.running < this.concurrency) {
      const batch: Unit<I, O>[] = [];
      let size = 0;
      while (this.pending.length > 0 && (batch.length === 0 || size + (this.pending[0] as Unit<I, O>).items.length <= this.maxBatchItems)) {
        const unit = this.pending.shift() as Unit<I, O>;
        batch.push(unit);
        size += unit.items.length;
      }
      this.pendingItems -= size;
      this.running += 1;
      void this.run(batch).finally(() => {
        this.running -= 1;
        // What gathered during this flush has waited long enough: write it now.
        if (this.pending.length > 0) this.startFlushes();
        if (this.running === 0) {
          for (const resolve of this.idle) resolve();
          this.idle.clear();
        }
      });
    }
  }

  private async run(batch: Unit<I, O>[]): Promise<void> {
    try {
      const outcomes = await this.flush(batch.map((unit) => unit.items));
      batch.forEach((unit, index) => unit.resolve(outcomes[index] ?? []));
    } catch (error) {
      if (batch.length === 1) {
        (batch[0] as Unit<I, O>).reject(error);
        return;
      }
      // One unit may be the cause: write each alone so the others still go through.
      for (const unit of batch) {
        try {
          const [outcomes] = await this.flush([unit.items]);
          unit.resolve(outcomes ?? []);
        } catch (unitError) {
          unit.reject(unitError);
        }
      }
    }
  }
}
