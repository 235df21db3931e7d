/**
 * Reads and maintains the interaction log: a customer's or visitor's events in time order (serving reads the
 * shopper's recent items from here), identification of a visitor outside an event (a chat login), the catch-up of
 * anonymous events whose visitor was linked by another process in the same instant, and the move of events when two
 * customers are merged.
 *
 * Identity: an event carries the storefront visitor id and, once the shopper is known, the customer id. When a
 * visitor is identified (an event naming both, or {@link EventStore.linkVisitor}), `visitor_links` records it and
 * the visitor's earlier anonymous events get the customer id (backfill), so "a customer's events" is one indexed
 * query whatever channel or device they came from. Later anonymous events of that visitor get it when written.
 */
import { sql, type Kysely } from 'kysely';
import type { Database, InteractionEventsTable, WriteBatcher } from '../../platform/database';
import type { Selectable } from 'kysely';
import type { EventContextValue, InteractionEventType } from './event-types';

/** Whose events: a customer's (every device and channel) or one anonymous visitor's. */
export type EventSubject = { customerId: string } | { visitorId: string };

/** A stored event. */
export interface StoredEvent {
  id: string;
  type: InteractionEventType;
  productId: string | null;
  customerId: string | null;
  visitorId: string | null;
  sessionId: string | null;
  /** Epoch ms. */
  at: number;
  receivedAt: number;
  country: string | null;
  source: string | null;
  quantity: number | null;
  /** Unit price, when the sender gave one. */
  price: { amountMinor: number; currency: string } | null;
  context: Record<string, EventContextValue>;
}

/** Options of {@link EventStore.history}. */
export interface HistoryOptions {
  /** At most this many, 1..1000. @defaultValue 50 */
  limit?: number;
  /** Only events before this one (keyset paging: the last event of the previous page). */
  before?: { at: number; id: string };
  /** Only these types. */
  types?: readonly InteractionEventType[];
}

function parseContext(text: string | null): Record<string, EventContextValue> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, EventContextValue>) : {};
  } catch {
    return {};
  }
}

/** A row as a {@link StoredEvent}. */
export function storedEventFromRow(row: Selectable<InteractionEventsTable>): StoredEvent {
  return {
    id: row.id,
    type: row.type,
    productId: row.product_id,
    customerId: row.customer_id,
    visitorId: row.visitor_id,
    sessionId: row.session_id,
    at: Number(row.at),
    receivedAt: Number(row.received_at),
    country: row.country?.trim() ?? null,
    source: row.source,
    quantity: row.quantity,
    price: row.price_minor !== null && row.currency ? { amountMinor: row.price_minor, currency: row.currency.trim() } : null,
    context: parseContext(row.context),
  };
}

/** See the file comment. */
export class EventStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly writes: WriteBatcher,
  ) {}

  /** The subject's events, newest first (index `(workspace, customer|visitor, at, id)`). */
  async history(workspaceId: string, subject: EventSubject, options: HistoryOptions = {}): Promise<StoredEvent[]> {
    const limit = Math.min(Math.max(Math.trunc(options.limit ?? 50), 1), 1000);
    let query = this.db.selectFrom('interaction_events').selectAll().where('workspace_id', '=', workspaceId);
    query = 'customerId' in subject ? query.where('customer_id', '=', subject.customerId) : query.where('visitor_id', '=', subject.visitorId);
    if (options.before) query = query.where(sql<boolean>`(at, id) < (${options.before.at}, ${options.before.id})`);
    if (options.types?.length) query = query.where('type', 'in', [...options.types]);
    const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map(storedEventFromRow);
  }

  /**
   * The products the subject interacted with most recently, oldest first, each once (at its latest interaction):
   * the history a recommender scores from.
   * @param limit at most this many products. @defaultValue 50
   */
  async recentProducts(workspaceId: string, subject: EventSubject, limit = 50, types?: readonly InteractionEventType[]): Promise<string[]> {
    const events = await this.history(workspaceId, subject, { limit: Math.min(limit * 4, 1000), ...(types ? { types } : {}) });
    const seen = new Set<string>();
    const newestFirst: string[] = [];
    for (const event of events) {
      if (!event.productId || seen.has(event.productId)) continue;
      seen.add(event.productId);
      newestFirst.push(event.productId);
      if (newestFirst.length >= limit) break;
    }
    return newestFirst.reverse();
  }

  /**
   * Records that a visitor is this customer (a shopper who logs in, or proves an e-mail in chat) and gives the
   * visitor's anonymous events the customer.
   * @returns the number of earlier events attributed now.
   */
  linkVisitor(workspaceId: string, visitorId: string, customerId: string, now: number = Date.now()): Promise<number> {
    return this.writes.run(async (trx) => {
      await trx
        .insertInto('visitor_links')
        .values({ workspace_id: workspaceId, visitor_id: visitorId, customer_id: customerId, linked_at: now })
        .onConflict((oc) => oc.columns(['workspace_id', 'visitor_id']).doUpdateSet({ customer_id: customerId, linked_at: now }))
        .execute();
      const result = await trx
        .updateTable('interaction_events')
        .set({ customer_id: customerId })
        .where('workspace_id', '=', workspaceId)
        .where('visitor_id', '=', visitorId)
        .where('customer_id', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    });
  }

  /**
   * Attributes anonymous events of linked visitors that are still anonymous: on PostgreSQL an event written while
   * another process linked its visitor can miss both the link and the backfill. Runs before a training export.
   * @returns the number of events attributed.
   */
  async reconcileLinks(workspaceId: string): Promise<number> {
    const result = await this.db
      .updateTable('interaction_events')
      .set({
        customer_id: sql<string>`(select l.customer_id from visitor_links l where l.workspace_id = interaction_events.workspace_id and l.visitor_id = interaction_events.visitor_id)`,
      })
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', 'is', null)
      .where('visitor_id', 'in', (eb) => eb.selectFrom('visitor_links').select('visitor_id').where('workspace_id', '=', workspaceId))
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /**
   * Moves events and visitor links from one customer to another (two customer records found to be one shopper);
   * call it before the `from` customer is deleted.
   * @returns the number of events moved.
   */
  reassignCustomer(workspaceId: string, fromCustomerId: string, toCustomerId: string): Promise<number> {
    return this.writes.run(async (trx) => {
      const moved = await trx
        .updateTable('interaction_events')
        .set({ customer_id: toCustomerId })
        .where('workspace_id', '=', workspaceId)
        .where('customer_id', '=', fromCustomerId)
        .executeTakeFirst();
      await trx
        .updateTable('visitor_links')
        .set({ customer_id: toCustomerId })
        .where('workspace_id', '=', workspaceId)
        .where('customer_id', '=', fromCustomerId)
        .execute();
      return Number(moved.numUpdatedRows);
    });
  }

  /** Number of events of the workspace (admin figures, tests). */
  async count(workspaceId: string): Promise<number> {
    const row = await this.db
      .selectFrom('interaction_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}
