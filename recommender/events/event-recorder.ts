/**
 * Records interaction events: checks each one against the clock (not more than 5 minutes ahead, not older than 30
 * days), the catalogue (the in-memory snapshot; an unknown product triggers one revision check before it is refused)
 * and the workspace's customers, then hands the good ones to the {@link MicroBatcher} that writes concurrent
 * requests' events together, and answers per event once they are committed. Refusals are per event and counted.
 *
 * Used by `POST /api/events` (storefront script, store back-ends), by the chat (clicks on product cards) and by the
 * demo history.
 */
import { emailSchema, toMinorUnits } from '../../commerce';
import { timeOrderedId, type WriteBatcher } from '../../platform/database';
import type { CatalogueCache } from '../catalogue/catalogue-cache';
import type { CatalogueSnapshot } from '../catalogue/catalogue-snapshot';
import type { CustomerResolver } from './customer-resolver';
import { countOutcome, type EventMetrics } from './event-metrics';
import type { EventInput, EventOutcome, EventRejectCode } from './event-types';
import { EventWriter, type PendingEvent, type WriteOutcome } from './event-writer';
import { MicroBatcher, type MicroBatcherOptions } from './micro-batcher';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Tuning of {@link EventRecorder}. */
export interface EventRecorderOptions extends MicroBatcherOptions {
  /** Events older than this are refused. @defaultValue 30 days */
  maxAgeMs?: number;
  /** Events dated further ahead than this are refused. @defaultValue 5 minutes */
  maxFutureMs?: number;
  /** Visitor-to-customer links remembered, to skip rewriting a known identification. @defaultValue 50000 */
  linkCacheSize?: number;
}

/** What {@link EventRecorder.record} needs besides the events. */
export interface RecordOptions {
  /** Source of events that name none (`storefront`, `chat:webchat`). */
  source?: string;
  /** Milliseconds added to every event's time: the sender's clock skew (see event-schema.ts `sentAt`). @defaultValue 0 */
  skewMs?: number;
  /** The receiving time. @defaultValue Date.now() */
  now?: number;
}

/** What the recorder is built from. */
export interface EventRecorderDeps {
  catalogue: CatalogueCache;
  customers: CustomerResolver;
  writes: WriteBatcher;
  metrics?: EventMetrics;
}

type Checked = { ok: true; event: PendingEvent } | { ok: false; outcome: Extract<EventOutcome, { status: 'rejected' }> };

function reject(code: EventRejectCode, message: string, field?: string): Checked {
  return { ok: false, outcome: { status: 'rejected', code, message, ...(field ? { field } : {}) } };
}

/** See the file comment. */
export class EventRecorder {
  private readonly batcher: MicroBatcher<PendingEvent, WriteOutcome>;
  private readonly links = new Map<string, string>();
  private readonly maxAgeMs: number;
  private readonly maxFutureMs: number;
  private readonly linkCacheSize: number;

  constructor(
    private readonly deps: EventRecorderDeps,
    options: EventRecorderOptions = {},
  ) {
    const writer = new EventWriter(deps.writes);
    this.batcher = new MicroBatcher((units) => this.flush(writer, units), options);
    this.maxAgeMs = options.maxAgeMs ?? 30 * DAY;
    this.maxFutureMs = options.maxFutureMs ?? 5 * MINUTE;
    this.linkCacheSize = options.linkCacheSize ?? 50_000;
  }

  /**
   * Checks and stores events of one workspace; resolves, once they are committed, with each event's outcome in the
   * order given. Rejections (unknown product, too old, ...) are outcomes, not errors.
   * @throws BatcherBusyError when too many events wait to be written (answer 503: retry), BatcherClosedError after
   * {@link close}, or the database's error when the write failed (nothing of this call was stored then).
   */
  async record(workspaceId: string, events: readonly EventInput[], options: RecordOptions = {}): Promise<EventOutcome[]> {
    const now = options.now ?? Date.now();
    let snapshot = await this.deps.catalogue.get(workspaceId);
    // A product created a moment ago may not be in this process's snapshot yet: check the revision once.
    if (events.some((event) => !this.productIndex(snapshot, event).found)) snapshot = await this.deps.catalogue.refresh(workspaceId);
    const checked = await Promise.all(events.map((event) => this.check(workspaceId, snapshot, event, options, now)));
    const accepted = checked.flatMap((c) => (c.ok ? [c.event] : []));
    const written = accepted.length ? await this.batcher.submit(accepted) : [];
    let next = 0;
    const outcomes = checked.map((c, index): EventOutcome => {
      const type = events[index]?.type;
      if (!c.ok) {
        countOutcome(this.deps.metrics, type, c.outcome);
        return c.outcome;
      }
      const outcome: EventOutcome = written[next++] === 'inserted' ? { status: 'accepted', id: c.event.row.id } : { status: 'duplicate' };
      countOutcome(this.deps.metrics, type, outcome);
      return outcome;
    });
    for (const event of accepted) if (event.link) this.rememberLink(workspaceId, event.link.visitorId, event.link.customerId);
    return outcomes;
  }

  /** Counts events refused before they reached the recorder (malformed in the request). */
  countInvalid(count: number): void {
    this.deps.metrics?.rejected.inc({ reason: 'invalid' }, count);
  }

  /** Writes what waits and refuses new events (shutdown). */
  close(): Promise<void> {
    return this.batcher.close();
  }

  /** Writes what waits now (tests, benchmarks). */
  drain(): Promise<void> {
    return this.batcher.drain();
  }

  private async flush(writer: EventWriter, units: ReadonlyArray<readonly PendingEvent[]>): Promise<WriteOutcome[][]> {
    const started = process.hrtime.bigint();
    const outcomes = await writer.write(units);
    this.deps.metrics?.flushSeconds.observe(Number(process.hrtime.bigint() - started) / 1e9);
    this.deps.metrics?.flushSize.observe(units.reduce((sum, unit) => sum + unit.length, 0));
    return outcomes;
  }

  private productIndex(snapshot: CatalogueSnapshot, event: EventInput): { found: boolean; index?: number } {
    if (event.productId === undefined && event.sku === undefined) return { found: true };
    const byId = event.productId !== undefined ? snapshot.indexOf(event.productId) : undefined;
    const bySku = event.sku !== undefined ? snapshot.indexOfSku(event.sku) : undefined;
    if ((event.productId !== undefined && byId === undefined) || (event.sku !== undefined && bySku === undefined)) return { found: false };
    return { found: true, index: byId ?? bySku };
  }

  private async check(workspaceId: string, snapshot: CatalogueSnapshot, event: EventInput, options: RecordOptions, now: number): Promise<Checked> {
    const at = (event.at ?? now) + (event.at !== undefined ? (options.skewMs ?? 0) : 0);
    if (at > now + this.maxFutureMs) {
      return reject('in_future', `The event is dated ${new Date(at).toISOString()}, more than ${this.maxFutureMs / MINUTE} minutes ahead of the server's clock.`, 'at');
    }
    if (at < now - this.maxAgeMs) {
      return reject('too_old', `The event is dated ${new Date(at).toISOString()}, more than ${Math.round(this.maxAgeMs / DAY)} days ago; import old history instead.`, 'at');
    }
    const product = this.productIndex(snapshot, event);
    if (!product.found) {
      const field = event.productId !== undefined && snapshot.indexOf(event.productId) === undefined ? 'productId' : 'sku';
      const value = field === 'productId' ? event.productId : event.sku;
      return reject('unknown_product', `No product with ${field} "${value}" in this workspace's catalogue.`, field);
    }
    if (event.productId !== undefined && event.sku !== undefined && snapshot.indexOf(event.productId) !== snapshot.indexOfSku(event.sku)) {
      return reject('product_mismatch', `productId "${event.productId}" and sku "${event.sku}" name different products; send one of them.`, 'sku');
    }
    let customerId: string | undefined;
    if (event.customerId !== undefined) {
      if (!(await this.deps.customers.exists(workspaceId, event.customerId))) {
        return reject('unknown_customer', `No customer "${event.customerId}" in this workspace; send the shopper's e-mail instead.`, 'customerId');
      }
      customerId = event.customerId;
    } else if (event.email !== undefined) {
      const email = emailSchema.safeParse(event.email);
      if (!email.success) return reject('invalid', 'email must be an e-mail address', 'email');
      customerId = await this.deps.customers.forEmail(workspaceId, email.data);
    }
    const index = product.index;
    let priceMinor: number | null = null;
    let currency: string | null = null;
    if (event.price !== undefined) {
      currency = event.currency ?? (index !== undefined ? snapshot.price(index).currency : null);
      if (!currency) return reject('invalid', 'A price without a product needs its currency.', 'currency');
      const minor = toMinorUnits(event.price, currency);
      if (minor === undefined) return reject('invalid', `price must be an amount in ${currency} with at most its number of decimals, such as 24.90`, 'price');
      priceMinor = minor;
    }
    const context = { ...(event.query ? { query: event.query } : {}), ...event.context };
    const row: PendingEvent['row'] = {
      id: timeOrderedId(now),
      workspace_id: workspaceId,
      client_event_id: event.eventId ?? null,
      type: event.type,
      product_id: index !== undefined ? snapshot.idAt(index) : null,
      customer_id: customerId ?? null,
      visitor_id: event.visitorId ?? null,
      session_id: event.sessionId ?? null,
      at,
      received_at: now,
      country: event.country ?? null,
      source: event.source ?? options.source ?? null,
      quantity: event.quantity ?? null,
      price_minor: priceMinor,
      currency,
      context: Object.keys(context).length ? JSON.stringify(context) : null,
    };
    const link =
      customerId !== undefined && event.visitorId !== undefined && this.links.get(`${workspaceId}|${event.visitorId}`) !== customerId
        ? { visitorId: event.visitorId, customerId }
        : undefined;
    return { ok: true, event: { row, ...(link ? { link } : {}) } };
  }

  private rememberLink(workspaceId: string, visitorId: string, customerId: string): void {
    const key = `${workspaceId}|${visitorId}`;
    this.links.delete(key);
    this.links.set(key, customerId);
    if (this.links.size > this.linkCacheSize) this.links.delete(this.links.keys().next().value as string);
  }
}
