/**
 * The bulk write of interaction events: everything a {@link MicroBatcher} gathered goes into one transaction (through
 * the SQLite group commit of WriteBatcher; on PostgreSQL a plain transaction) as multi-row inserts:
 * 1. visitor identifications: `visitor_links` upserted, and a visitor newly linked to a customer gets that customer
 *    on its earlier anonymous events (the backfill, one indexed update per newly linked visitor);
 * 2. anonymous events of visitors already linked get their customer (one look-up per flush and workspace);
 * 3. the events, `on conflict do nothing` so that an event id stored before is skipped (a retried send), with
 *    `returning id` telling stored from skipped.
 */
import type { Insertable, Transaction } from 'kysely';
import type { Database, InteractionEventsTable, WriteBatcher } from '../../platform/database';

/** One event ready to be written, and the identification it carries. */
export interface PendingEvent {
  row: Insertable<InteractionEventsTable>;
  /** The event names both a visitor and a customer: the visitor is that customer (from now on, and before). */
  link?: { visitorId: string; customerId: string };
}

/** Whether an event was written or its id was there already. */
export type WriteOutcome = 'inserted' | 'duplicate';

/** Rows per insert statement: 16 columns x 500 stays far below both engines' bound-parameter limits. */
const ROWS_PER_STATEMENT = 500;
/** Visitors per `in (...)` look-up. */
const IDS_PER_QUERY = 500;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Writes events in one transaction of the WriteBatcher (group commit on SQLite). */
export class EventWriter {
  constructor(private readonly writes: WriteBatcher) {}

  /** Writes the units of one batch in one transaction; the outcome of every event, unit by unit. */
  write(units: ReadonlyArray<readonly PendingEvent[]>): Promise<WriteOutcome[][]> {
    return this.writes.run((trx) => writeEventsIn(trx, units));
  }
}

/**
 * Writes events inside the caller's transaction (the history import writes everything in one transaction).
 * @returns per unit, per event: inserted or duplicate.
 */
export async function writeEventsIn(trx: Transaction<Database>, units: ReadonlyArray<readonly PendingEvent[]>): Promise<WriteOutcome[][]> {
  const events = units.flat();
  await applyLinks(trx, events);
  await attributeAnonymous(trx, events);
  const inserted = new Set<string>();
  for (const part of chunks(events, ROWS_PER_STATEMENT)) {
    const rows = await trx
      .insertInto('interaction_events')
      .values(part.map((event) => event.row))
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .execute();
    for (const row of rows) inserted.add(row.id);
  }
  return units.map((unit) => unit.map((event): WriteOutcome => (inserted.has(event.row.id) ? 'inserted' : 'duplicate')));
}

/** Upserts identifications; backfills the earlier anonymous events of visitors whose link is new or changed. */
async function applyLinks(trx: Transaction<Database>, events: readonly PendingEvent[]): Promise<void> {
  const latest = new Map<string, { workspaceId: string; visitorId: string; customerId: string; at: number }>();
  for (const event of events) {
    if (!event.link) continue;
    const key = `${event.row.workspace_id}|${event.link.visitorId}`;
    const at = Number(event.row.at);
    const seen = latest.get(key);
    if (!seen || seen.at <= at) latest.set(key, { workspaceId: event.row.workspace_id, ...event.link, at });
  }
  if (latest.size === 0) return;
  const now = Date.now();
  const changed = await trx
    .insertInto('visitor_links')
    .values([...latest.values()].map((l) => ({ workspace_id: l.workspaceId, visitor_id: l.visitorId, customer_id: l.customerId, linked_at: now })))
    .onConflict((oc) =>
      oc
        .columns(['workspace_id', 'visitor_id'])
        .doUpdateSet((eb) => ({ customer_id: eb.ref('excluded.customer_id'), linked_at: eb.ref('excluded.linked_at') }))
        .where((eb) => eb('visitor_links.customer_id', '<>', eb.ref('excluded.customer_id'))),
    )
    .returning(['workspace_id', 'visitor_id', 'customer_id'])
    .execute();
  for (const link of changed) {
    await trx
      .updateTable('interaction_events')
      .set({ customer_id: link.customer_id })
      .where('workspace_id', '=', link.workspace_id)
      .where('visitor_id', '=', link.visitor_id)
      .where('customer_id', 'is', null)
      .execute();
  }
}

/** Gives anonymous events of linked visitors their customer. */
async function attributeAnonymous(trx: Transaction<Database>, events: readonly PendingEvent[]): Promise<void> {
  const byWorkspace = new Map<string, Map<string, PendingEvent[]>>();
  for (const event of events) {
    const visitor = event.row.visitor_id;
    if (event.row.customer_id || !visitor) continue;
    let visitors = byWorkspace.get(event.row.workspace_id);
    if (!visitors) byWorkspace.set(event.row.workspace_id, (visitors = new Map()));
    const list = visitors.get(visitor);
    if (list) list.push(event);
    else visitors.set(visitor, [event]);
  }
  for (const [workspaceId, visitors] of byWorkspace) {
    for (const part of chunks([...visitors.keys()], IDS_PER_QUERY)) {
      const links = await trx
        .selectFrom('visitor_links')
        .select(['visitor_id', 'customer_id'])
        .where('workspace_id', '=', workspaceId)
        .where('visitor_id', 'in', part)
        .execute();
      for (const link of links) for (const event of visitors.get(link.visitor_id) ?? []) event.row.customer_id = link.customer_id;
    }
  }
}
