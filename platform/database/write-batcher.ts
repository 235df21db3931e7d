/**
 * Group commit for the embedded SQLite database. A SQLite commit costs far more than the statements in it (the WAL
 * append and its checkpoints), and one process owns the single connection anyway; so every write transaction
 * requested during one event-loop turn runs inside one real transaction, each in its own savepoint. A failing unit
 * is rolled back to its savepoint alone and rejects only its caller; every caller resolves only after the shared
 * COMMIT, so "resolved" still means "durable". PostgreSQL needs none of this: its transactions run as they come.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './tables';
import type { DatabaseEngine } from './connect';

const BATCH_WINDOW_MS = 1;

/** The body of one logical transaction. */
export type TransactionWork<T> = (trx: Transaction<Database>) => Promise<T>;

interface PendingUnit {
  work: TransactionWork<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Runs logical transactions, batching them on SQLite. */
export class WriteBatcher {
  private pending: PendingUnit[] = [];
  private scheduled = false;

  /**
   * @param maxBatch most units in one real transaction; more wait for the next turn.
   */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: DatabaseEngine,
    private readonly maxBatch = 256,
  ) {}

  /** Runs `work` as one atomic unit; resolves with its result after it is committed. */
  run<T>(work: TransactionWork<T>): Promise<T> {
    if (this.engine !== 'sqlite') return this.db.transaction().execute(work);
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work: work as TransactionWork<unknown>, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // A millisecond's wait gathers the writes of several messages into one commit.
        setTimeout(() => void this.flush(), BATCH_WINDOW_MS);
      }
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending.splice(0, this.maxBatch);
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      await this.db.transaction().execute(async (trx) => {
        if (batch.length === 1 && batch[0]) {
          // Alone in the transaction: its failure rolls back only itself, no savepoint needed.
          outcomes.push({ ok: true, value: await batch[0].work(trx) });
          return;
        }
        for (const unit of batch) {
          await sql`savepoint unit`.execute(trx);
          try {
            outcomes.push({ ok: true, value: await unit.work(trx) });
            await sql`release savepoint unit`.execute(trx);
          } catch (error) {
            await sql`rollback to savepoint unit`.execute(trx);
            await sql`release savepoint unit`.execute(trx);
            outcomes.push({ ok: false, error });
          }
        }
      });
      batch.forEach((unit, index) => {
        const outcome = outcomes[index];
        if (outcome?.ok) unit.resolve(outcome.value);
        else unit.reject(outcome?.error);
      });
    } catch (error) {
      // The shared commit failed (or the single unit threw): nothing of the batch is stored.
      for (const unit of batch) unit.reject(error);
    } finally {
      if (this.pending.length > 0) setImmediate(() => void this.flush());
      else this.scheduled = false;
    }
  }
}
