/**
 * The risk counters in Redis (live): hashes and sorted sets whose members expire with their windows, read and
 * updated by one Lua script per scoring (see redis-counter-script.ts), so a scoring costs one round trip however many
 * counters it reads.
 */
import type { Redis } from 'ioredis';
import {
  DEFAULT_COUNTER_WINDOWS,
  ENTITY_KINDS,
  isQuickPurchase,
  valueBucket,
  type ChargebackRecord,
  type CounterEvent,
  type CounterSnapshot,
  type CounterWindows,
  type EntityCounts,
  type EntityKind,
  type RiskCounterStore,
} from './counter-store';
import { REDIS_CHARGEBACK_SCRIPT, REDIS_COUNTER_SCRIPT } from './redis-counter-script';
import type { RiskAction } from './risk-request';

/** The script's reply. */
type ScriptReply = [string[][], string[], string[], string[], string[]];

const ENTITY_KEY_SUFFIXES = ['acc', 'created', 'quick', 'ev', 'h'] as const;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    riskCounters(numberOfKeys: number, ...keysAndArgs: string[]): import('ioredis').Result<ScriptReply, Context>;
    riskChargeback(numberOfKeys: number, ...keysAndArgs: string[]): import('ioredis').Result<number, Context>;
  }
}

function numberOr(text: string | undefined, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  return Number.isFinite(value) ? value : fallback;
}

/** See the file comment. */
export class RedisCounterStore implements RiskCounterStore {
  /**
   * @param redis a connection the store may define its script on (`defineCommand`).
   * @param keyPrefix every key starts with `<keyPrefix>:risk:{<workspace>}:`.
   */
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly windows: CounterWindows = DEFAULT_COUNTER_WINDOWS,
  ) {
    if (typeof (redis as { riskCounters?: unknown }).riskCounters !== 'function') redis.defineCommand('riskCounters', { lua: REDIS_COUNTER_SCRIPT });
    if (typeof (redis as { riskChargeback?: unknown }).riskChargeback !== 'function') redis.defineCommand('riskChargeback', { lua: REDIS_CHARGEBACK_SCRIPT });
  }

  private base(workspaceId: string): string {
    return `${this.keyPrefix}:risk:{${workspaceId}}`;
  }

  private entityKey(workspaceId: string, kind: EntityKind, key: string): string {
    return `${this.base(workspaceId)}:${kind}:${key}`;
  }

  async observe(event: CounterEvent, options: { record?: boolean } = {}): Promise<CounterSnapshot> {
    const w = this.windows;
    const base = this.base(event.workspaceId);
    const kinds = ENTITY_KINDS.filter((k) => event.entities[k] !== undefined);
    const keys = [`${base}:seen:${event.eventId}`, `${base}:cust:${event.customerId}`, `${base}:cust:${event.customerId}:ev`, `${base}:store`, `${base}:store:orders`, `${base}:store:quick`];
    for (const kind of kinds) {
      const entity = this.entityKey(event.workspaceId, kind, event.entities[kind]!);
      for (const suffix of ENTITY_KEY_SUFFIXES) keys.push(`${entity}:${suffix}`);
    }
    const args = [
      String(event.at),
      event.eventId,
      event.customerId,
      String(event.customerCreatedAt),
      event.action,
      event.action === 'order' && event.value !== undefined ? String(event.value) : '',
      options.record === false ? '0' : '1',
      isQuickPurchase(event, w) ? '1' : '0',
      String(w.hourMs),
      String(w.dayMs),
      String(w.retentionMs),
      String(w.createdNearMs),
      String(valueBucket(event.value ?? 0)),
      String(kinds.length),
    ];
    const [entityRows, customerRow, customerActions, storeRow, storeWindows] = await this.redis.riskCounters(keys.length, ...keys, ...args);
    const now = event.at;
    const entities: Partial<Record<EntityKind, EntityCounts>> = {};
    kinds.forEach((kind, i) => {
      const row = entityRows[i]!;
      entities[kind] = {
        otherAccounts: numberOr(row[0], 0),
        otherAccountsLastDay: numberOr(row[1], 0),
        eventsLastHour: numberOr(row[2], 0),
        eventsLastDay: numberOr(row[3], 0),
        minutesSinceLastSeen: row[4] ? (now - Number(row[4])) / 60_000 : Number.NaN,
        otherQuickAccounts: numberOr(row[5], 0),
        otherAccountsCreatedNear: numberOr(row[6], 0),
        chargebacks: numberOr(row[7], 0),
      };
    });
    const lastHour: Partial<Record<RiskAction, number>> = {};
    const lastDay: Partial<Record<RiskAction, number>> = {};
    for (let i = 0; i < customerActions.length; i += 3) {
      const action = customerActions[i] as RiskAction;
      const hour = Number(customerActions[i + 1]);
      if (hour > 0) lastHour[action] = hour;
      lastDay[action] = Number(customerActions[i + 2]);
    }
    const lastAt = numberOr(customerRow[6], Number.NaN);
    return {
      entities,
      customer: {
        orders: numberOr(customerRow[0], 0),
        valueSum: numberOr(customerRow[1], 0),
        valueSumSquares: numberOr(customerRow[2], 0),
        maxValue: numberOr(customerRow[3], 0),
        lastHour,
        lastDay,
        notReceivedClaims: numberOr(customerRow[4], 0),
        chargebacks: numberOr(customerRow[5], 0),
        minutesSinceLastEvent: Number.isFinite(lastAt) ? (now - lastAt) / 60_000 : Number.NaN,
      },
      store: {
        orders: numberOr(storeRow[0], 0),
        valueSum: numberOr(storeRow[1], 0),
        valueSumSquares: numberOr(storeRow[2], 0),
        valueRank: { below: numberOr(storeRow[3], 0), same: numberOr(storeRow[4], 0), total: numberOr(storeRow[5], 0) },
        ordersLastHour: numberOr(storeWindows[0], 0),
        ordersLastDay: numberOr(storeWindows[1], 0),
        quickOrdersLastDay: numberOr(storeWindows[2], 0),
      },
    };
  }

  async recordChargeback(record: ChargebackRecord): Promise<void> {
    const base = this.base(record.workspaceId);
    const keys = [`${base}:seen-chargeback:${record.id}`, `${base}:cust:${record.customerId}`];
    for (const kind of ENTITY_KINDS) {
      const key = record.entities[kind];
      if (key !== undefined) keys.push(`${this.entityKey(record.workspaceId, kind, key)}:h`);
    }
    await this.redis.riskChargeback(keys.length, ...keys, String(this.windows.retentionMs));
  }
}
