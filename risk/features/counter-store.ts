/**
 * The incremental counters behind the risk features, and the face their stores share. A scoring reads the counts of
 * everything recorded before it and records itself, in one step (one Redis round trip), so nothing ever scans
 * history per request. Two stores implement it with the same meaning: in memory (evaluation, tests) and Redis (live).
 *
 * What is counted, per workspace:
 * - per shared entity (device, IP, payment fingerprint, shipping address): the other accounts seen with it (ever,
 *   i.e. within the retention, and in the last day), its events in the last hour and day, minutes since it was last
 *   seen, the other accounts that bought within minutes of sign-up with it, the other accounts created within an
 *   hour of this one that used it, and chargebacks on it;
 * - per customer: orders and their value (count, sum, sum of squares, max), orders and requests per action in the
 *   last hour and day, "not received" claims and chargebacks ever, minutes since their last event;
 * - per store: the distribution of order values (count, sum, sum of squares, a log-spaced histogram for
 *   percentiles), orders in the last hour and day, and orders placed within minutes of sign-up in the last day.
 */
import type { RiskAction } from './risk-request';

/** Things several accounts can share. */
export const ENTITY_KINDS = ['device', 'ip', 'payment', 'address'] as const;

/** One of {@link ENTITY_KINDS}. */
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Time windows of the counters. */
export interface CounterWindows {
  /** The short velocity window. @defaultValue 1 hour */
  hourMs: number;
  /** The long velocity window. @defaultValue 1 day */
  dayMs: number;
  /** How long an account stays linked to an entity ("ever" means within this). @defaultValue 180 days */
  retentionMs: number;
  /** An order this soon after the account's creation is a "quick" purchase. @defaultValue 5 minutes */
  quickPurchaseMs: number;
  /** Accounts created this close to each other are "created together". @defaultValue 1 hour */
  createdNearMs: number;
}

/** Defaults of {@link CounterWindows}. */
export const DEFAULT_COUNTER_WINDOWS: Readonly<CounterWindows> = {
  hourMs: 3_600_000,
  dayMs: 86_400_000,
  retentionMs: 180 * 86_400_000,
  quickPurchaseMs: 5 * 60_000,
  createdNearMs: 3_600_000,
};

/** What the counters record about one scored action (see `counterEventOf`). */
export interface CounterEvent {
  workspaceId: string;
  /** Recording the same id twice counts it once. */
  eventId: string;
  /** ms since epoch. */
  at: number;
  action: RiskAction;
  customerId: string;
  /** ms since epoch. */
  customerCreatedAt: number;
  /** Order value; only `order` events add to value statistics. */
  value?: number;
  /** Normalised keys of the entities involved (absent: unknown). */
  entities: Partial<Record<EntityKind, string>>;
}

/** Counts about one entity, excluding the customer being scored. */
export interface EntityCounts {
  otherAccounts: number;
  otherAccountsLastDay: number;
  eventsLastHour: number;
  eventsLastDay: number;
  /** NaN when never seen. */
  minutesSinceLastSeen: number;
  otherQuickAccounts: number;
  otherAccountsCreatedNear: number;
  chargebacks: number;
}

/** Counts about the customer, before this event. */
export interface CustomerCounts {
  orders: number;
  valueSum: number;
  valueSumSquares: number;
  maxValue: number;
  /** Events per action in the last hour and day. */
  lastHour: Partial<Record<RiskAction, number>>;
  lastDay: Partial<Record<RiskAction, number>>;
  notReceivedClaims: number;
  chargebacks: number;
  /** NaN when this is their first event. */
  minutesSinceLastEvent: number;
}

/** Number of buckets of the store's value histogram. */
export const VALUE_HISTOGRAM_BUCKETS = 64;

/** The histogram bucket of an order value: four buckets per doubling of `1 + value`, the last one open-ended. */
export function valueBucket(value: number): number {
  const bucket = Math.floor(Math.log2(1 + Math.max(0, value)) * 4);
  return Math.min(VALUE_HISTOGRAM_BUCKETS - 1, Math.max(0, bucket));
}

/** See {@link StoreCounts.valueRank}. */
export interface ValueRank {
  below: number;
  same: number;
  total: number;
}

/** The rank of `value` in a histogram of {@link VALUE_HISTOGRAM_BUCKETS} counts. */
export function valueRankIn(histogram: readonly number[], value: number): ValueRank {
  const bucket = valueBucket(value);
  let below = 0;
  let total = 0;
  for (let b = 0; b < VALUE_HISTOGRAM_BUCKETS; b++) {
    const n = histogram[b] ?? 0;
    total += n;
    if (b < bucket) below += n;
  }
  return { below, same: histogram[bucket] ?? 0, total };
}

/** Counts about the whole store, before this event. */
export interface StoreCounts {
  orders: number;
  valueSum: number;
  valueSumSquares: number;
  /**
   * Where the event's value falls in the store's value histogram ({@link VALUE_HISTOGRAM_BUCKETS} buckets, see
   * {@link valueBucket}): orders in lower buckets, orders in its bucket, orders in all buckets. The stores reduce the
   * histogram to these three counts themselves (the Redis script in Redis), so a scoring never moves it.
   */
  valueRank: ValueRank;
  ordersLastHour: number;
  ordersLastDay: number;
  quickOrdersLastDay: number;
}

/** Everything the features need from the counters. */
export interface CounterSnapshot {
  entities: Partial<Record<EntityKind, EntityCounts>>;
  customer: CustomerCounts;
  store: StoreCounts;
}

/** A confirmed outcome that the counters keep (labels themselves go to the training data). */
export interface ChargebackRecord {
  workspaceId: string;
  /** Identifies the outcome (`label:<label id>`): a chargeback is counted once per id, however often it is applied. */
  id: string;
  customerId: string;
  /** Entities of the charged-back order. */
  entities: Partial<Record<EntityKind, string>>;
}

/** Where the counters live. Implementations must give identical snapshots for identical event sequences. */
export interface RiskCounterStore {
  /**
   * The counts from every event recorded before `event` and, unless `record` is false, records `event`, as one
   * atomic step. An event id already recorded is not counted again.
   */
  observe(event: CounterEvent, options?: { record?: boolean }): Promise<CounterSnapshot>;
  /**
   * Adds a chargeback to the customer and the entities of the order, once per `record.id` (a rebuild from the decision
   * log re-applies every outcome, including ones the live counters already took).
   */
  recordChargeback(record: ChargebackRecord): Promise<void>;
}

/** Whether an order event is a quick purchase (within `windows.quickPurchaseMs` of the account's creation). */
export function isQuickPurchase(event: CounterEvent, windows: CounterWindows): boolean {
  return event.action === 'order' && event.at - event.customerCreatedAt <= windows.quickPurchaseMs;
}
