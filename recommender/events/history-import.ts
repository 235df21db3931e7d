/**
 * Imports a store's past interactions, all or nothing as far as the input goes: everything is read and checked first
 * (every problem reported with its line, and nothing written when there is one), then written in transactions of
 * 10,000 events. Formats:
 * - `json`: an array of events, or `{"events": [...]}`, each as `POST /api/events` takes it but with `at` required
 *   and no age limit;
 * - `csv`: one event per row, header `at` plus `sku` or `product_id` and one of `visitor_id`, `customer_id`,
 *   `email`; optional `type` (default `purchase`), `country`, `quantity`, `price`, `currency`, `session_id`,
 *   `event_id`, `source`;
 * - `sequences`: one shopper per line, `user item1 item2 ...` in time order, items being skus (the benchmark files'
 *   format); the user becomes the visitor id, the events get the type asked (default `purchase`) and times one
 *   second apart ending at the import.
 * Text may come gzipped (recognised by its first bytes). Items are mapped to products by sku; unknown skus are
 * errors unless placeholders are asked for: inactive products named by their sku, priced 0, without stock, which
 * training sees and serving never shows until the store imports their real data. Every event gets a deterministic
 * id when it has none, so importing the same history twice stores it once.
 */
import type { Kysely, Transaction } from 'kysely';
import { raiseCatalogueRevision, toMinorUnits } from '../../commerce';
import { timeOrderedId, type Database } from '../../platform/database';
import type { InteractionEventType } from './event-types';
import { writeEventsIn, type PendingEvent } from './event-writer';
import { decodeHistory, digest, readCsv, readJson, readSequences, type HistoryIssue, type ReadEvent } from './history-formats';

export { decodeHistory, type HistoryIssue } from './history-formats';

/** The input formats. */
export type HistoryFormat = 'json' | 'csv' | 'sequences';

/** Options of {@link HistoryImporter.import}. */
export interface HistoryImportOptions {
  /** Create placeholder products for unknown skus instead of refusing the import. @defaultValue false */
  createPlaceholders?: boolean;
  /** Currency of placeholder products. @defaultValue 'EUR' */
  placeholderCurrency?: string;
  /** Type of the events of a sequence file. @defaultValue 'purchase' */
  sequenceType?: InteractionEventType;
  /** Source recorded on events that name none. @defaultValue 'import' */
  source?: string;
  /** The import time. @defaultValue Date.now() */
  now?: number;
  /** Events per write transaction. @defaultValue 10000 */
  eventsPerTransaction?: number;
}

/** What an import wrote. */
export interface HistoryImportCounts {
  events: { inserted: number; duplicates: number };
  /** Distinct shoppers (visitor, customer or e-mail) in the file. */
  shoppers: number;
  placeholders: number;
  customers: { created: number };
}

/** The import was refused; nothing was written. */
export class HistoryImportError extends Error {
  override readonly name = 'HistoryImportError';
  constructor(
    readonly issues: HistoryIssue[],
    readonly issueCount: number = issues.length,
  ) {
    const first = issues[0];
    super(
      `The history has ${issueCount} problem${issueCount === 1 ? '' : 's'}; nothing was imported. Fix them and import again.` +
        (first ? ` First: row ${first.row}${first.field ? `, ${first.field}` : ''}: ${first.message}` : ''),
    );
  }
}

const MAX_ISSUES = 200;
const MINUTE = 60_000;
const CHUNK = 500;
/**
 * Events per write transaction: a big history must not hold SQLite's single write lock (and the chat behind it) for
 * the whole import. Everything was validated before the first one; should a write fail midway, importing the same
 * file again completes it, since every event has a deterministic id.
 */
const EVENTS_PER_TRANSACTION = 10_000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** See the file comment. */
export class HistoryImporter {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Reads, checks and writes a history.
   * @param data the text (or its gzipped bytes); for `json` also the parsed document.
   * @throws HistoryImportError listing the problems; nothing is written then.
   */
  async import(workspaceId: string, format: HistoryFormat, data: unknown, options: HistoryImportOptions = {}): Promise<HistoryImportCounts> {
    const now = options.now ?? Date.now();
    const issues: HistoryIssue[] = [];
    const text = typeof data === 'string' || data instanceof Uint8Array ? decodeHistory(data) : undefined;
    let read: ReadEvent[];
    if (format === 'json') read = readJson(text ?? data, issues);
    else if (text === undefined) {
      issues.push({ row: 0, field: 'data', message: `must be the text of the ${format} file` });
      read = [];
    } else read = format === 'csv' ? readCsv(text, issues) : readSequences(text, options.sequenceType ?? 'purchase', now, issues);
    for (const { row, event } of read) {
      if (event.at > now + 5 * MINUTE) issues.push({ row, field: 'at', message: `is ${new Date(event.at).toISOString()}, in the future` });
    }
    if (!issues.length && read.length === 0) issues.push({ row: 0, field: '', message: 'The history holds no events.' });
    const products = issues.length ? undefined : await this.resolveProducts(workspaceId, read, options.createPlaceholders === true, issues);
    if (!issues.length) await this.checkCustomers(workspaceId, read, issues);
    if (issues.length || !products) throw new HistoryImportError(issues.slice(0, MAX_ISSUES), issues.length);
    const customers = await this.db.transaction().execute((trx) => this.prepareWrite(trx, workspaceId, read, products, options, now));
    const pending = this.pendingEvents(workspaceId, read, products.bySku, customers.ids, options, now);
    let inserted = 0;
    const size = Math.max(1, options.eventsPerTransaction ?? EVENTS_PER_TRANSACTION);
    for (let start = 0; start < pending.length; start += size) {
      const part = pending.slice(start, start + size);
      const [outcomes = []] = await this.db.transaction().execute((trx) => writeEventsIn(trx, [part]));
      inserted += outcomes.filter((o) => o === 'inserted').length;
    }
    return {
      events: { inserted, duplicates: pending.length - inserted },
      shoppers: new Set(read.map(({ event }) => event.customerId ?? event.email ?? `v:${event.visitorId}`)).size,
      placeholders: products.missing.length,
      customers: { created: customers.created },
    };
  }

  /** Product ids by sku and the skus that need placeholders; unknown skus and ids are issues unless placeholders are asked for. */
  private async resolveProducts(workspaceId: string, read: ReadEvent[], placeholders: boolean, issues: HistoryIssue[]) {
    const skus = [...new Set(read.flatMap(({ event }) => (event.sku !== undefined ? [event.sku] : [])))];
    const ids = [...new Set(read.flatMap(({ event }) => (event.productId !== undefined ? [event.productId] : [])))];
    const bySku = new Map<string, string>();
    for (const part of chunks(skus)) {
      const rows = await this.db.selectFrom('products').select(['id', 'sku']).where('workspace_id', '=', workspaceId).where('sku', 'in', part).execute();
      for (const row of rows) bySku.set(row.sku, row.id);
    }
    const knownIds = new Set<string>();
    for (const part of chunks(ids)) {
      const rows = await this.db.selectFrom('products').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', part).execute();
      for (const row of rows) knownIds.add(row.id);
    }
    const missing = new Set<string>();
    for (const { row, event } of read) {
      if (event.productId !== undefined && !knownIds.has(event.productId)) {
        issues.push({ row, field: 'product_id', message: `no product "${event.productId}" in this workspace` });
      } else if (event.sku !== undefined && !bySku.has(event.sku)) {
        if (placeholders) missing.add(event.sku);
        else issues.push({ row, field: 'sku', message: `no product with sku "${event.sku}"; import the catalogue first or ask for placeholders` });
      }
      if (issues.length >= MAX_ISSUES) break;
    }
    return { bySku, missing: [...missing] };
  }

  private async checkCustomers(workspaceId: string, read: ReadEvent[], issues: HistoryIssue[]): Promise<void> {
    const ids = [...new Set(read.flatMap(({ event }) => (event.customerId !== undefined ? [event.customerId] : [])))];
    const known = new Set<string>();
    for (const part of chunks(ids)) {
      const rows = await this.db.selectFrom('customers').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', part).execute();
      for (const row of rows) known.add(row.id);
    }
    for (const { row, event } of read) {
      if (event.customerId !== undefined && !known.has(event.customerId)) {
        issues.push({ row, field: 'customer_id', message: `no customer "${event.customerId}" in this workspace` });
        if (issues.length >= MAX_ISSUES) return;
      }
    }
  }

  /** Creates the placeholder products and the customers of unknown e-mail addresses; the customer ids by e-mail. */
  private async prepareWrite(
    trx: Transaction<Database>,
    workspaceId: string,
    read: ReadEvent[],
    products: { bySku: Map<string, string>; missing: string[] },
    options: HistoryImportOptions,
    now: number,
  ): Promise<{ ids: Map<string, string>; created: number }> {
    if (products.missing.length) {
      const revision = await raiseCatalogueRevision(trx, workspaceId, now);
      const currency = (options.placeholderCurrency ?? 'EUR').toUpperCase();
      for (const part of chunks(products.missing)) {
        const rows = await trx
          .insertInto('products')
          .values(
            part.map((sku) => ({
              id: timeOrderedId(now),
              workspace_id: workspaceId,
              sku,
              name: sku,
              description: null,
              category: null,
              price_minor: 0,
              currency,
              stock: 0,
              attributes: '{}',
              url: null,
              image_url: null,
              created_at: now,
              updated_at: now,
              active: 0,
              revision,
            })),
          )
          .returning(['id', 'sku'])
          .execute();
        for (const row of rows) products.bySku.set(row.sku, row.id);
      }
    }
    return this.customersByEmail(trx, workspaceId, read, now);
  }

  /** The rows to write, with a deterministic event id for events that came without one. */
  private pendingEvents(
    workspaceId: string,
    read: ReadEvent[],
    bySku: ReadonlyMap<string, string>,
    customers: ReadonlyMap<string, string>,
    options: HistoryImportOptions,
    now: number,
  ): PendingEvent[] {
    return read.map(({ event }) => {
      const customerId = event.customerId ?? (event.email ? customers.get(event.email) : undefined) ?? null;
      const productId = event.productId ?? (event.sku !== undefined ? (bySku.get(event.sku) as string) : null);
      const who = customerId ?? event.email ?? event.visitorId ?? '';
      const currency = event.currency ?? null;
      const priceMinor = event.price !== undefined && currency ? (toMinorUnits(event.price, currency) ?? null) : null;
      return {
        row: {
          id: timeOrderedId(now),
          workspace_id: workspaceId,
          client_event_id: event.eventId ?? `imp:${digest(`${who}\n${event.type}\n${productId ?? event.query ?? ''}\n${event.at}`)}`,
          type: event.type,
          product_id: productId,
          customer_id: customerId,
          visitor_id: event.visitorId ?? null,
          session_id: event.sessionId ?? null,
          at: event.at,
          received_at: now,
          country: event.country ?? null,
          source: event.source ?? options.source ?? 'import',
          quantity: event.quantity ?? null,
          price_minor: priceMinor,
          currency: priceMinor === null ? null : currency,
          context: event.query ? JSON.stringify({ query: event.query }) : null,
        },
        ...(customerId && event.visitorId ? { link: { visitorId: event.visitorId, customerId } } : {}),
      };
    });
  }

  /** The customer of each e-mail of the history (the oldest with that address), created when missing. */
  private async customersByEmail(trx: Transaction<Database>, workspaceId: string, read: ReadEvent[], now: number) {
    const emails = [...new Set(read.flatMap(({ event }) => (event.email ? [event.email] : [])))];
    const ids = new Map<string, string>();
    for (const part of chunks(emails)) {
      const rows = await trx
        .selectFrom('customers')
        .select(['id', 'email'])
        .where('workspace_id', '=', workspaceId)
        .where('email', 'in', part)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      for (const row of rows) if (row.email && !ids.has(row.email)) ids.set(row.email, row.id);
    }
    const missing = emails.filter((email) => !ids.has(email));
    for (const part of chunks(missing)) {
      const rows = part.map((email) => ({ id: timeOrderedId(now), workspace_id: workspaceId, display_name: null, email, phone: null, created_at: now, email_verified_at: null }));
      await trx.insertInto('customers').values(rows).execute();
      for (const row of rows) ids.set(row.email, row.id);
    }
    return { ids, created: missing.length };
  }
}
