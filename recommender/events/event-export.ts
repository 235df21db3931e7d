/**
 * The training export: a workspace's events since a time, streamed as the models' input (recommender/data
 * interaction-data.ts) with memory bounded by the page size, whatever the log's length:
 * - {@link EventExporter.sequences}: one {@link UserSequence} per shopper, items in time order. Two keyset scans
 *   over the indexes `(workspace, customer, at, id)` (identified shoppers, every device and channel merged by the
 *   backfill) and `(workspace, visitor, at, id)` (visitors never identified); each yields a user as soon as the
 *   scan moves past them, so only one user's items are held.
 * - {@link EventExporter.events}: the raw {@link InteractionEvent}s in time order (index `(workspace, at, id)`),
 *   page by page, for `InteractionData.fromEvents` or incremental training.
 * Users are named `customer:<id>` and `visitor:<id>` so the two kinds never collide. `search` events without a
 * product are left out.
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Database, InteractionEventType } from '../../platform/database';
import type { InteractionEvent, UserSequence } from '../data/interaction-data';
import type { EventStore } from './event-store';

/** What to export. */
export interface ExportOptions {
  /** Events at or after this time (epoch ms). @defaultValue 0 */
  since?: number;
  /** Events before this time. @defaultValue no bound */
  until?: number;
  /** Only these types. @defaultValue every type */
  types?: readonly InteractionEventType[];
  /** Rows per page. @defaultValue 5000 */
  pageSize?: number;
}

/** Options of {@link EventExporter.sequences}. */
export interface SequenceExportOptions extends ExportOptions {
  /**
   * Collapse consecutive events on the same product into one item (a view, then its add-to-cart, then its purchase
   * say one thing to a sequence model). @defaultValue true
   */
  collapseRepeats?: boolean;
  /** First attribute anonymous events of linked visitors (see EventStore.reconcileLinks). @defaultValue true */
  reconcile?: boolean;
}

interface Row {
  id: string;
  subject: string;
  product_id: string | null;
  at: number;
  country: string | null;
}

/** See the file comment. */
export class EventExporter {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly store: EventStore,
  ) {}

  /** Per-shopper time-ordered sequences (see the file comment). */
  async *sequences(workspaceId: string, options: SequenceExportOptions = {}): AsyncGenerator<UserSequence> {
    if (options.reconcile !== false) await this.store.reconcileLinks(workspaceId);
    yield* this.pass(workspaceId, 'customer_id', 'customer:', options);
    yield* this.pass(workspaceId, 'visitor_id', 'visitor:', options);
  }

  /** The raw events in time order, page by page. */
  async *events(workspaceId: string, options: ExportOptions = {}): AsyncGenerator<InteractionEvent[]> {
    const pageSize = options.pageSize ?? 5000;
    let cursor: { at: number; id: string } | undefined;
    for (;;) {
      let query = this.db
        .selectFrom('interaction_events')
        .select(['id', 'customer_id', 'visitor_id', 'product_id', 'at', 'country'])
        .where('workspace_id', '=', workspaceId)
        .where('product_id', 'is not', null)
        .where('at', '>=', options.since ?? 0);
      if (options.until !== undefined) query = query.where('at', '<', options.until);
      if (options.types?.length) query = query.where('type', 'in', [...options.types]);
      if (cursor) query = query.where(sql<SqlBool>`(at, id) > (${cursor.at}, ${cursor.id})`);
      const rows = await query.orderBy('at').orderBy('id').limit(pageSize).execute();
      if (rows.length === 0) return;
      yield rows.map((row) => ({
        user: row.customer_id ? `customer:${row.customer_id}` : `visitor:${row.visitor_id ?? row.id}`,
        item: row.product_id as string,
        at: Number(row.at),
        ...(row.country ? { country: row.country.trim() } : {}),
      }));
      const last = rows[rows.length - 1] as (typeof rows)[number];
      cursor = { at: Number(last.at), id: last.id };
      if (rows.length < pageSize) return;
    }
  }

  /** One keyset scan in `(subject, at, id)` order, grouped into sequences as it goes. */
  private async *pass(
    workspaceId: string,
    column: 'customer_id' | 'visitor_id',
    prefix: string,
    options: SequenceExportOptions,
  ): AsyncGenerator<UserSequence> {
    const pageSize = options.pageSize ?? 5000;
    const collapse = options.collapseRepeats !== false;
    let cursor: { subject: string; at: number; id: string } | undefined;
    let current: { user: string; items: string[]; country?: string } | undefined;
    for (;;) {
      let query = this.db
        .selectFrom('interaction_events')
        .select(['id', `${column} as subject`, 'product_id', 'at', 'country'])
        .where('workspace_id', '=', workspaceId)
        .where(column, 'is not', null)
        .where('product_id', 'is not', null)
        .where('at', '>=', options.since ?? 0);
      // Anonymous pass: only events no customer claims (the identified ones came with the customer pass).
      if (column === 'visitor_id') query = query.where('customer_id', 'is', null);
      if (options.until !== undefined) query = query.where('at', '<', options.until);
      if (options.types?.length) query = query.where('type', 'in', [...options.types]);
      if (cursor) query = query.where(sql<SqlBool>`(${sql.ref(column)}, at, id) > (${cursor.subject}, ${cursor.at}, ${cursor.id})`);
      const rows = (await query.orderBy(column).orderBy('at').orderBy('id').limit(pageSize).execute()) as Row[];
      for (const row of rows) {
        const user = `${prefix}${row.subject}`;
        if (current && current.user !== user) {
          yield current;
          current = undefined;
        }
        current ??= { user, items: [] };
        const item = row.product_id as string;
        if (!collapse || current.items[current.items.length - 1] !== item) current.items.push(item);
        if (row.country) current.country = row.country.trim();
      }
      const last = rows[rows.length - 1];
      if (!last || rows.length < pageSize) break;
      cursor = { subject: last.subject, at: Number(last.at), id: last.id };
    }
    if (current) yield current;
  }
}

/** Collects a whole export into memory (small workspaces, tests): the sequences, in export order. */
export async function collectSequences(source: AsyncIterable<UserSequence>): Promise<UserSequence[]> {
  const out: UserSequence[] = [];
  for await (const sequence of source) out.push(sequence);
  return out;
}
