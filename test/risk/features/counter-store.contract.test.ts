import { Redis } from 'ioredis';
import { DEFAULT_COUNTER_WINDOWS, MemoryCounterStore, RISK_ACTIONS, RedisCounterStore, type CounterEvent, type RiskCounterStore } from '../../../risk';
import { seededRandom } from '../../../risk/evaluation/seeded-random';
import { REDIS_URL, deleteRedisPrefix, uniquePrefix } from '../../support/services';

const T0 = Date.UTC(2025, 2, 1, 10, 0);
const MIN = 60_000;

function event(id: string, customerId: string, at: number, overrides: Partial<CounterEvent> = {}): CounterEvent {
  return {
    workspaceId: 'ws-a',
    eventId: id,
    at,
    action: 'order',
    customerId,
    customerCreatedAt: at - 10 * 86_400_000,
    value: 50,
    entities: { device: 'dev-1', ip: '192.0.2.1' },
    ...overrides,
  };
}

/** The same sequence of events, and what each observation must see, for every store. */
async function scenario(store: RiskCounterStore) {
  const seen = [];
  seen.push(await store.observe(event('e1', 'alice', T0, { customerCreatedAt: T0 - MIN })));
  seen.push(await store.observe(event('e2', 'bob', T0 + 10 * MIN, { customerCreatedAt: T0 - 2 * MIN, value: 150 })));
  seen.push(await store.observe(event('e3', 'carol', T0 + 20 * MIN, { customerCreatedAt: T0 + 20 * MIN, value: 30 })));
  seen.push(await store.observe(event('e4', 'alice', T0 + 90 * MIN, { action: 'change_address', value: undefined, customerCreatedAt: T0 - MIN })));
  seen.push(await store.observe(event('e5', 'dave', T0 + 2 * 86_400_000, { entities: { device: 'dev-1', ip: '198.51.100.7' } })));
  return seen;
}

const stores: Array<[string, () => Promise<{ store: RiskCounterStore; close: () => Promise<void> }>]> = [
  ['MemoryCounterStore', async () => ({ store: new MemoryCounterStore(), close: async () => undefined })],
  [
    'RedisCounterStore',
    async () => {
      const redis = new Redis(REDIS_URL);
      const prefix = uniquePrefix('risk-counters');
      return {
        store: new RedisCounterStore(redis, prefix),
        close: async () => {
          await deleteRedisPrefix(prefix);
          await redis.quit();
        },
      };
    },
  ],
];

describe.each(stores)('%s (risk counter contract)', (_name, open) => {
  let store: RiskCounterStore;
  let close: () => Promise<void>;

  beforeEach(async () => ({ store, close } = await open()));
  afterEach(async () => close());

  describe('when events arrive one after another', () => {
    it('shows each event only what was recorded strictly before it', async () => {
      const [first, second, third] = await scenario(store);
      expect(first!.entities.device).toMatchObject({ otherAccounts: 0, eventsLastHour: 0 });
      expect(first!.entities.device!.minutesSinceLastSeen).toBeNaN();
      expect(first!.store.orders).toBe(0);
      expect(second!.entities.device).toMatchObject({ otherAccounts: 1, otherAccountsLastDay: 1, eventsLastHour: 1, minutesSinceLastSeen: 10 });
      expect(third!.entities.device).toMatchObject({ otherAccounts: 2, eventsLastHour: 2, eventsLastDay: 2 });
      expect(third!.store).toMatchObject({ orders: 2, valueSum: 200, valueSumSquares: 50 * 50 + 150 * 150, ordersLastHour: 2, ordersLastDay: 2 });
    });

    it('counts quick buyers and accounts created close together, never the shopper itself', async () => {
      const [, second, third, fourth] = await scenario(store);
      // alice bought 1 minute after sign-up (quick); bob 12 minutes after (not quick); carol at once (quick).
      expect(second!.entities.device).toMatchObject({ otherQuickAccounts: 1, otherAccountsCreatedNear: 1 });
      expect(third!.entities.device).toMatchObject({ otherQuickAccounts: 1, otherAccountsCreatedNear: 2 });
      expect(third!.store.quickOrdersLastDay).toBe(1);
      expect(fourth!.entities.device).toMatchObject({ otherAccounts: 2, otherQuickAccounts: 1 });
    });

    it("keeps the shopper's own history and request velocity", async () => {
      const [, , , fourth] = await scenario(store);
      expect(fourth!.customer).toMatchObject({ orders: 1, valueSum: 50, maxValue: 50, minutesSinceLastEvent: 90 });
      expect(fourth!.customer.lastDay).toEqual({ order: 1 });
      expect(fourth!.customer.lastHour).toEqual({});
    });

    it('lets windows slide: two days later the hour and day counts are empty, the accounts remain', async () => {
      const seen = await scenario(store);
      const fifth = seen[4]!;
      expect(fifth.entities.device).toMatchObject({ otherAccounts: 3, otherAccountsLastDay: 0, eventsLastHour: 0, eventsLastDay: 0 });
      expect(fifth.entities.ip).toMatchObject({ otherAccounts: 0 });
      expect(fifth.store).toMatchObject({ ordersLastHour: 0, ordersLastDay: 0, orders: 3 });
    });
  });

  describe('when the same event is observed twice', () => {
    it('counts it once', async () => {
      await store.observe(event('dup', 'erin', T0));
      await store.observe(event('dup', 'erin', T0));
      const after = await store.observe(event('next', 'frank', T0 + MIN));
      expect(after.store.orders).toBe(1);
      expect(after.entities.device!.eventsLastHour).toBe(1);
    });
  });

  describe('when asked not to record', () => {
    it('reads without changing anything', async () => {
      await store.observe(event('peek', 'gina', T0), { record: false });
      const after = await store.observe(event('real', 'hank', T0 + MIN));
      expect(after.store.orders).toBe(0);
      expect(after.entities.device!.otherAccounts).toBe(0);
    });
  });

  describe('when a chargeback is recorded', () => {
    it('adds it to the shopper and to the entities of the order', async () => {
      await store.observe(event('o1', 'ivan', T0));
      await store.recordChargeback({ workspaceId: 'ws-a', id: 'label:1', customerId: 'ivan', entities: { device: 'dev-1' } });
      const next = await store.observe(event('o2', 'ivan', T0 + MIN));
      expect(next.customer.chargebacks).toBe(1);
      expect(next.entities.device!.chargebacks).toBe(1);
      expect(next.entities.ip!.chargebacks).toBe(0);
    });

    it('counts it once per id (a rebuild re-applies outcomes the live counters already took)', async () => {
      await store.observe(event('o1', 'ivan', T0));
      const chargeback = { workspaceId: 'ws-a', id: 'label:7', customerId: 'ivan', entities: { device: 'dev-1' } };
      await store.recordChargeback(chargeback);
      await store.recordChargeback(chargeback);
      await store.recordChargeback({ ...chargeback, id: 'label:8' });
      const next = await store.observe(event('o2', 'ivan', T0 + MIN));
      expect(next.customer.chargebacks).toBe(2);
      expect(next.entities.device!.chargebacks).toBe(2);
    });
  });

  describe('when workspaces share a store', () => {
    it('keeps their counts apart', async () => {
      await store.observe(event('w1', 'jane', T0));
      const other = await store.observe(event('w2', 'kim', T0 + MIN, { workspaceId: 'ws-b' }));
      expect(other.entities.device!.otherAccounts).toBe(0);
      expect(other.store.orders).toBe(0);
    });
  });
});

describe('RedisCounterStore', () => {
  const prefix = uniquePrefix('risk-expiry');
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    for (const p of [prefix, `${prefix}-same`, `${prefix}-trip`, `${prefix}-random`]) await deleteRedisPrefix(p);
    await redis.quit();
  });

  it('gives memory and Redis identical snapshots for the same events', async () => {
    const memory = await scenario(new MemoryCounterStore());
    const inRedis = await scenario(new RedisCounterStore(redis, `${prefix}-same`));
    expect(inRedis).toEqual(memory);
  });

  it('stays identical to memory over a long random mix of shoppers, actions, values and entities', async () => {
    // Busy shoppers (many actions within the hour and day) and a store histogram over many buckets: the script
    // reduces both to counts itself, and must count exactly what the memory store counts.
    const random = seededRandom(7);
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const events: Array<[CounterEvent, boolean]> = [];
    let at = T0;
    for (let i = 0; i < 400; i++) {
      at += Math.floor(random() * 20 * MIN);
      const action = random() < 0.6 ? 'order' : pick(RISK_ACTIONS);
      events.push([
        event(`r${i}`, `c${Math.floor(random() * 12)}`, at, {
          action,
          value: action === 'order' ? Math.round(random() * random() * 5000 * 100) / 100 : undefined,
          customerCreatedAt: at - Math.floor(random() * 3 * 86_400_000),
          entities: { device: `d${Math.floor(random() * 6)}`, ip: `198.51.100.${Math.floor(random() * 4)}`, ...(random() < 0.5 ? { payment: `k${Math.floor(random() * 5)}` } : {}) },
        }),
        random() < 0.95,
      ]);
    }
    const replay = async (store: RiskCounterStore) => {
      const seen = [];
      for (const [e, record] of events) seen.push(await store.observe(e, { record }));
      return seen;
    };
    // Sums of squared cents differ in the last digits (Redis adds floats in long double): compare 10 digits.
    const rounded = (value: unknown): unknown =>
      typeof value === 'number' && Number.isFinite(value) ? Number(value.toPrecision(10)) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)])) : value;
    const memory = (await replay(new MemoryCounterStore())).map(rounded) as Awaited<ReturnType<typeof replay>>;
    const inRedis = (await replay(new RedisCounterStore(redis, `${prefix}-random`))).map(rounded);
    expect(inRedis).toEqual(memory);
    expect(memory.some((s) => Object.values(s.customer.lastHour).some((n) => n! > 1))).toBe(true);
    expect(memory.some((s) => s.store.valueRank.below > 0 && s.store.valueRank.same > 0 && s.store.valueRank.total > s.store.valueRank.below + s.store.valueRank.same)).toBe(true);
  });

  it('reads and records in one round trip', async () => {
    const store = new RedisCounterStore(redis, `${prefix}-trip`);
    const monitorCount = jest.spyOn(redis, 'sendCommand');
    await store.observe(event('rt', 'lou', T0));
    expect(monitorCount.mock.calls.map(([command]) => (command as { name: string }).name)).toEqual(['evalsha']);
    monitorCount.mockRestore();
  });

  describe('when its windows pass in wall-clock time', () => {
    it('lets the keys expire on their own', async () => {
      const windows = { ...DEFAULT_COUNTER_WINDOWS, hourMs: 100, dayMs: 200, retentionMs: 300 };
      const store = new RedisCounterStore(redis, prefix, windows);
      await store.observe(event('x1', 'mia', T0));
      const keys = await redis.keys(`${prefix}:*`);
      expect(keys.length).toBeGreaterThan(5);
      for (const key of keys.filter((k) => !k.endsWith(':store'))) {
        const ttl = await redis.pttl(key);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(300);
      }
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect((await redis.keys(`${prefix}:*`)).filter((k) => !k.endsWith(':store'))).toEqual([]);
    });
  });
});
