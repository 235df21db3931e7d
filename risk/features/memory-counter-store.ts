/**
 * The risk counters in process memory, with exactly the meaning of the Redis store (the contract suite runs both):
 * used by the evaluation command and by tests. Old entries are trimmed when an event is recorded, as in Redis.
 */
import {
  DEFAULT_COUNTER_WINDOWS,
  ENTITY_KINDS,
  VALUE_HISTOGRAM_BUCKETS,
  isQuickPurchase,
  valueBucket,
  valueRankIn,
  type ChargebackRecord,
  type CounterEvent,
  type CounterSnapshot,
  type CounterWindows,
  type CustomerCounts,
  type EntityCounts,
  type EntityKind,
  type RiskCounterStore,
  type StoreCounts,
} from './counter-store';
import type { RiskAction } from './risk-request';

interface EntityState {
  /** customer -> last seen. */
  accounts: Map<string, number>;
  /** customer -> account creation. */
  created: Map<string, number>;
  /** customer -> time of their quick purchase. */
  quick: Map<string, number>;
  /** event id -> time (last day only). */
  events: Map<string, number>;
  chargebacks: number;
}

interface CustomerState {
  orders: number;
  valueSum: number;
  valueSumSquares: number;
  maxValue: number;
  notReceivedClaims: number;
  chargebacks: number;
  lastEventAt: number;
  /** `action:eventId` -> time (last day only). */
  events: Map<string, number>;
}

/** Times kept sorted, for counting those in a window by binary search. */
class SortedTimes {
  private times: number[] = [];

  add(at: number): void {
    let i = this.times.length;
    while (i > 0 && this.times[i - 1]! > at) i--;
    this.times.splice(i, 0, at);
  }

  /** Number of times >= `from`. */
  countFrom(from: number): number {
    let lo = 0;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.times[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return this.times.length - lo;
  }

  /** Forgets times before `before` (in batches: they no longer count in any window anyway). */
  trimBefore(before: number): void {
    let n = 0;
    while (n < this.times.length && this.times[n]! < before) n++;
    if (n > 1024 || (n > 0 && n * 2 > this.times.length)) this.times = this.times.slice(n);
  }
}

interface StoreState {
  orders: number;
  valueSum: number;
  valueSumSquares: number;
  histogram: number[];
  orderTimes: SortedTimes;
  quickTimes: SortedTimes;
}

interface WorkspaceState {
  entities: Map<string, EntityState>;
  customers: Map<string, CustomerState>;
  store: StoreState;
  /** event id -> time recorded. */
  recorded: Map<string, number>;
  /** Ids of the chargebacks counted. */
  chargebacks: Set<string>;
}

function countSince(map: ReadonlyMap<string, number>, from: number, self?: string): number {
  let n = 0;
  for (const [member, at] of map) if (at >= from && member !== self) n++;
  return n;
}

/** See the file comment. */
export class MemoryCounterStore implements RiskCounterStore {
  private readonly workspaces = new Map<string, WorkspaceState>();

  constructor(private readonly windows: CounterWindows = DEFAULT_COUNTER_WINDOWS) {}

  private workspace(id: string): WorkspaceState {
    let state = this.workspaces.get(id);
    if (!state) {
      state = {
        entities: new Map(),
        customers: new Map(),
        store: {
          orders: 0,
          valueSum: 0,
          valueSumSquares: 0,
          histogram: new Array<number>(VALUE_HISTOGRAM_BUCKETS).fill(0),
          orderTimes: new SortedTimes(),
          quickTimes: new SortedTimes(),
        },
        recorded: new Map(),
        chargebacks: new Set(),
      };
      this.workspaces.set(id, state);
    }
    return state;
  }

  observe(event: CounterEvent, options: { record?: boolean } = {}): Promise<CounterSnapshot> {
    const state = this.workspace(event.workspaceId);
    const snapshot = this.read(state, event);
    if (options.record !== false && !state.recorded.has(event.eventId)) this.record(state, event);
    return Promise.resolve(snapshot);
  }

  recordChargeback(record: ChargebackRecord): Promise<void> {
    const state = this.workspace(record.workspaceId);
    if (state.chargebacks.has(record.id)) return Promise.resolve();
    state.chargebacks.add(record.id);
    this.customer(state, record.customerId).chargebacks += 1;
    for (const kind of ENTITY_KINDS) {
      const key = record.entities[kind];
      if (key !== undefined) this.entity(state, kind, key).chargebacks += 1;
    }
    return Promise.resolve();
  }

  private entity(state: WorkspaceState, kind: EntityKind, key: string): EntityState {
    const id = `${kind}\u0000${key}`;
    let entity = state.entities.get(id);
    if (!entity) {
      entity = { accounts: new Map(), created: new Map(), quick: new Map(), events: new Map(), chargebacks: 0 };
      state.entities.set(id, entity);
    }
    return entity;
  }

  private customer(state: WorkspaceState, id: string): CustomerState {
    let customer = state.customers.get(id);
    if (!customer) {
      customer = { orders: 0, valueSum: 0, valueSumSquares: 0, maxValue: 0, notReceivedClaims: 0, chargebacks: 0, lastEventAt: Number.NaN, events: new Map() };
      state.customers.set(id, customer);
    }
    return customer;
  }

  private read(state: WorkspaceState, event: CounterEvent): CounterSnapshot {
    const w = this.windows;
    const now = event.at;
    const self = event.customerId;
    const entities: Partial<Record<EntityKind, EntityCounts>> = {};
    for (const kind of ENTITY_KINDS) {
      const key = event.entities[kind];
      if (key === undefined) continue;
      const entity = state.entities.get(`${kind}\u0000${key}`);
      if (!entity) {
        entities[kind] = emptyEntityCounts();
        continue;
      }
      let lastSeen = -Infinity;
      for (const at of entity.accounts.values()) if (at > lastSeen) lastSeen = at;
      let createdNear = 0;
      for (const [member, created] of entity.created) {
        if (member !== self && Math.abs(created - event.customerCreatedAt) <= w.createdNearMs) createdNear++;
      }
      entities[kind] = {
        otherAccounts: countSince(entity.accounts, now - w.retentionMs, self),
        otherAccountsLastDay: countSince(entity.accounts, now - w.dayMs, self),
        eventsLastHour: countSince(entity.events, now - w.hourMs),
        eventsLastDay: countSince(entity.events, now - w.dayMs),
        minutesSinceLastSeen: lastSeen >= now - w.retentionMs ? (now - lastSeen) / 60_000 : Number.NaN,
        otherQuickAccounts: countSince(entity.quick, now - w.retentionMs, self),
        otherAccountsCreatedNear: createdNear,
        chargebacks: entity.chargebacks,
      };
    }
    const c = state.customers.get(self);
    const lastHour: Partial<Record<RiskAction, number>> = {};
    const lastDay: Partial<Record<RiskAction, number>> = {};
    if (c) {
      for (const [member, at] of c.events) {
        const action = member.slice(0, member.indexOf(':')) as RiskAction;
        if (at >= now - w.dayMs) lastDay[action] = (lastDay[action] ?? 0) + 1;
        if (at >= now - w.hourMs) lastHour[action] = (lastHour[action] ?? 0) + 1;
      }
    }
    const customer: CustomerCounts = {
      orders: c?.orders ?? 0,
      valueSum: c?.valueSum ?? 0,
      valueSumSquares: c?.valueSumSquares ?? 0,
      maxValue: c?.maxValue ?? 0,
      lastHour,
      lastDay,
      notReceivedClaims: c?.notReceivedClaims ?? 0,
      chargebacks: c?.chargebacks ?? 0,
      minutesSinceLastEvent: c && Number.isFinite(c.lastEventAt) ? (now - c.lastEventAt) / 60_000 : Number.NaN,
    };
    const s = state.store;
    const store: StoreCounts = {
      orders: s.orders,
      valueSum: s.valueSum,
      valueSumSquares: s.valueSumSquares,
      valueRank: valueRankIn(s.histogram, event.value ?? 0),
      ordersLastHour: s.orderTimes.countFrom(now - w.hourMs),
      ordersLastDay: s.orderTimes.countFrom(now - w.dayMs),
      quickOrdersLastDay: s.quickTimes.countFrom(now - w.dayMs),
    };
    return { entities, customer, store };
  }

  private record(state: WorkspaceState, event: CounterEvent): void {
    const w = this.windows;
    const now = event.at;
    state.recorded.set(event.eventId, now);
    if (state.recorded.size > 4096 && state.recorded.size % 4096 === 0) {
      for (const [id, at] of state.recorded) if (at < now - w.retentionMs) state.recorded.delete(id);
    }
    const quick = isQuickPurchase(event, w);
    for (const kind of ENTITY_KINDS) {
      const key = event.entities[kind];
      if (key === undefined) continue;
      const entity = this.entity(state, kind, key);
      entity.accounts.set(event.customerId, Math.max(now, entity.accounts.get(event.customerId) ?? -Infinity));
      entity.created.set(event.customerId, event.customerCreatedAt);
      if (quick) entity.quick.set(event.customerId, Math.max(now, entity.quick.get(event.customerId) ?? -Infinity));
      entity.events.set(event.eventId, now);
      for (const [member, at] of entity.accounts) {
        if (at < now - w.retentionMs) {
          entity.accounts.delete(member);
          entity.created.delete(member);
        }
      }
      for (const [member, at] of entity.quick) if (at < now - w.retentionMs) entity.quick.delete(member);
      for (const [id, at] of entity.events) if (at < now - w.dayMs) entity.events.delete(id);
    }
    const customer = this.customer(state, event.customerId);
    customer.events.set(`${event.action}:${event.eventId}`, now);
    for (const [id, at] of customer.events) if (at < now - w.dayMs) customer.events.delete(id);
    customer.lastEventAt = Number.isFinite(customer.lastEventAt) ? Math.max(customer.lastEventAt, now) : now;
    if (event.action === 'package_not_received') customer.notReceivedClaims += 1;
    if (event.action === 'order' && event.value !== undefined) {
      customer.orders += 1;
      customer.valueSum += event.value;
      customer.valueSumSquares += event.value * event.value;
      customer.maxValue = Math.max(customer.maxValue, event.value);
      const s = state.store;
      s.orders += 1;
      s.valueSum += event.value;
      s.valueSumSquares += event.value * event.value;
      s.histogram[valueBucket(event.value)]! += 1;
      s.orderTimes.add(now);
      s.orderTimes.trimBefore(now - w.dayMs);
      if (quick) {
        s.quickTimes.add(now);
        s.quickTimes.trimBefore(now - w.dayMs);
      }
    }
  }
}

/** Counts of an entity never seen before. */
export function emptyEntityCounts(): EntityCounts {
  return {
    otherAccounts: 0,
    otherAccountsLastDay: 0,
    eventsLastHour: 0,
    eventsLastDay: 0,
    minutesSinceLastSeen: Number.NaN,
    otherQuickAccounts: 0,
    otherAccountsCreatedNear: 0,
    chargebacks: 0,
  };
}
