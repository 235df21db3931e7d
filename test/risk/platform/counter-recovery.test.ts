import { Redis } from 'ioredis';
import { counterEventOf } from '../../../risk/features/feature-builder';
import { RedisCounterStore } from '../../../risk/features/redis-counter-store';
import { RiskCounterRecovery } from '../../../risk/platform/counter-recovery';
import { RiskDecisionLog } from '../../../risk/platform/risk-decision-log';
import { RiskLabelStore } from '../../../risk/platform/risk-label-store';
import { applyLabelEffect, labelEffect } from '../../../risk/learning/risk-timeline';
import { openCommerceDatabase, type CommerceTestDatabase } from '../../commerce/commerce-test-database';
import { createSqliteDatabase } from '../../support/databases';
import { orderRequest } from '../risk-fixtures';

describe('RiskCounterRecovery (SQLite decision log, real Redis)', () => {
  let database: CommerceTestDatabase;
  let redis: Redis;
  let workspaceId: string;
  const prefix = `test-risk-recovery-${process.pid}-${Date.now()}`;
  const logger = { info: jest.fn(), warn: jest.fn() };
  const T = Date.now() - 3_600_000;

  beforeAll(async () => {
    database = await openCommerceDatabase(createSqliteDatabase);
    workspaceId = await database.newWorkspace();
    redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  });

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis?.quit();
    await database?.close();
  });

  it('rebuilds lost counters from the decision log, so a shared device still looks shared', async () => {
    const counters = new RedisCounterStore(redis, prefix);
    const decisions = new RiskDecisionLog(database.handle.db);
    const recovery = new RiskCounterRecovery({ redis, keyPrefix: prefix, counters, decisions, labels: new RiskLabelStore(database.handle.db), logger });
    // A new workspace: nothing to replay, the marker is written.
    expect(await recovery.ensure(workspaceId)).toBe('rebuilt');
    expect(await recovery.ensure(workspaceId)).toBe('present');

    // Three accounts on one device, scored live and logged.
    for (const [i, customer] of ['c-1', 'c-2', 'c-3'].entries()) {
      const request = orderRequest({ workspaceId, at: T + i * 60_000, customer: { id: customer, createdAt: T - 86_400_000 }, device: { id: 'shared-device', ip: '192.0.2.10' } });
      await counters.observe(counterEventOf(request));
      await decisions.record(request, { score: 0.1, decision: 'approve', reasons: [], rules: [], modelVersion: 'm1' }, { source: 'api' });
    }
    const probe = () =>
      counters.observe(
        counterEventOf(orderRequest({ workspaceId, eventId: `probe-${Math.random()}`, at: T + 10 * 60_000, customer: { id: 'c-4', createdAt: T }, device: { id: 'shared-device' } })),
        { record: false },
      );
    const before = await probe();
    expect(before.entities.device?.otherAccounts).toBe(3);

    // Redis loses everything of the workspace (restart without persistence, flush).
    const keys = await redis.keys(`${prefix}:risk:{${workspaceId}}*`);
    await redis.del(...keys);
    expect((await probe()).entities.device?.otherAccounts).toBe(0);

    expect(await recovery.ensure(workspaceId)).toBe('rebuilt');
    expect(logger.warn).toHaveBeenCalledWith(expect.objectContaining({ workspaceId, requests: 3 }), expect.stringMatching(/rebuilt from the decision log/));
    expect(await probe()).toEqual(before);
    // Once rebuilt, nothing is replayed twice.
    expect(await recovery.ensure(workspaceId)).toBe('present');
    expect(await probe()).toEqual(before);
  });

  it('counts what happened between the loss and the rebuild once: scorings and chargebacks the live counters already took', async () => {
    const other = await database.newWorkspace();
    const counters = new RedisCounterStore(redis, prefix);
    const decisions = new RiskDecisionLog(database.handle.db);
    const labels = new RiskLabelStore(database.handle.db);
    const recovery = new RiskCounterRecovery({ redis, keyPrefix: prefix, counters, decisions, labels, logger });
    expect(await recovery.ensure(other)).toBe('rebuilt');
    const score = async (customer: string, minute: number) => {
      const request = orderRequest({
        workspaceId: other,
        at: T + minute * 60_000,
        customer: { id: customer, createdAt: T - 86_400_000 },
        device: { id: 'dev-x', ip: '192.0.2.20' },
        order: { number: `N-${customer}`, value: 40, billingCountry: 'DE', shippingCountry: 'DE' },
      });
      await counters.observe(counterEventOf(request));
      await decisions.record(request, { score: 0.1, decision: 'approve', reasons: [], rules: [], modelVersion: 'm1' }, { source: 'api', orderNumber: request.order!.number! });
      return request;
    };
    const chargeback = async (request: Awaited<ReturnType<typeof score>>) => {
      const { label } = await labels.record({ workspaceId: other, kind: 'chargeback', orderNumber: request.order!.number!, createdBy: 'test', at: request.at + 60_000 });
      await applyLabelEffect(labelEffect(label, request), counters);
    };
    await chargeback(await score('d-1', 0));

    // Lost; then, before any rebuild, one more scoring and one more chargeback reach the (empty) live counters.
    await redis.del(...(await redis.keys(`${prefix}:risk:{${other}}*`)));
    await chargeback(await score('d-2', 5));
    expect(await recovery.ensure(other)).toBe('rebuilt');

    const probe = await counters.observe(
      counterEventOf(orderRequest({ workspaceId: other, eventId: 'probe-after', at: T + 30 * 60_000, customer: { id: 'd-3', createdAt: T }, device: { id: 'dev-x' } })),
      { record: false },
    );
    expect(probe.entities.device?.otherAccounts).toBe(2);
    expect(probe.entities.device?.chargebacks).toBe(2);
    expect(probe.store.orders).toBe(2);
  });

  it('lets one process rebuild at a time', async () => {
    const counters = new RedisCounterStore(redis, prefix);
    const deps = { redis, keyPrefix: prefix, counters, decisions: new RiskDecisionLog(database.handle.db), labels: new RiskLabelStore(database.handle.db), logger };
    await redis.del(new RiskCounterRecovery(deps).markerKey(workspaceId));
    const states = await Promise.all([new RiskCounterRecovery(deps).ensure(workspaceId), new RiskCounterRecovery(deps).ensure(workspaceId)]);
    expect(states.sort()).toEqual(['busy', 'rebuilt']);
  });
});
