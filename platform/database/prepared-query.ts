/**
 * A query built and compiled by Kysely once, then run many times with new parameter values. Kysely rebuilds and
 * recompiles a query on every call; on the chat hot path that costs more than SQLite running it. Only for queries
 * whose shape does not depend on their values (no optional clauses, fixed row counts).
 */
import type { CompiledQuery, Compilable, Kysely, QueryResult, Transaction } from 'kysely';
import type { Database } from './tables';

type Executor = Kysely<Database> | Transaction<Database>;

const SENTINEL = '\u0000pq:';

/**
 * @example
 * const byId = new PreparedQuery(['id'], (db, p) => db.selectFrom('messages').selectAll().where('id', '=', p.id));
 * const { rows } = await byId.execute(db, { id });
 */
export class PreparedQuery<P extends Record<string, unknown>, R> {
  private compiled: { template: CompiledQuery<R>; slots: Array<{ key: keyof P } | { value: unknown }> } | undefined;

  /**
   * @param keys the parameter names; each must be used as a value in the query.
   * @param build builds the query from placeholder parameters (never inspect their values).
   */
  constructor(
    private readonly keys: ReadonlyArray<keyof P & string>,
    private readonly build: (db: Executor, params: P) => Compilable<R>,
  ) {}

  private prepare(executor: Executor) {
    if (this.compiled) return this.compiled;
    const placeholders = Object.fromEntries(this.keys.map((key) => [key, `${SENTINEL}${key}`])) as unknown as P;
    const template = this.build(executor, placeholders).compile();
    const slots = template.parameters.map((value) =>
      typeof value === 'string' && value.startsWith(SENTINEL) ? { key: value.slice(SENTINEL.length) as keyof P } : { value },
    );
    const used = new Set(slots.flatMap((slot) => ('key' in slot ? [slot.key] : [])));
    const missing = this.keys.filter((key) => !used.has(key));
    if (missing.length) throw new Error(`PreparedQuery: parameter(s) ${missing.join(', ')} are not used by the query`);
    this.compiled = { template, slots };
    return this.compiled;
  }

  /** Runs the query on `executor` (a database or a transaction) with these values. */
  async execute(executor: Executor, params: P): Promise<QueryResult<R>> {
    const { template, slots } = this.prepare(executor);
    const parameters = slots.map((slot) => ('key' in slot ? params[slot.key] : slot.value));
    return executor.executeQuery<R>({ ...template, parameters });
  }
}
