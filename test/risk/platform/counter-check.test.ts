/**
 * The worker's periodic counter check: risk counters lost while the platform runs (Redis flushed or restarted
 * without persistence) come back from the decision log within a check period, without restarting anything.
 */
import { Redis } from 'ioredis';
import { counterEventOf, parseRiskRequest } from '../../../risk';
import { startInProcessPlatform, type InProcessPlatform } from '../../support/platform';
import { waitFor } from '../../support/wait-for';

describe('periodic risk counter check (worker, SQLite, real Redis)', () => {
  let platform: InProcessPlatform;
  let redis: Redis;
  let workspaceId: string;

  beforeAll(async () => {
    platform = await startInProcessPlatform({ overrides: { risk: { seedDemo: false, counterCheckSeconds: 1 } } });
    workspaceId = (await platform.context.workspaces.findBySlug('demo'))!.id;
    redis = new Redis(platform.config.redis.url);
  }, 60_000);

  afterAll(async () => {
    await redis?.quit();
    await platform?.close();
  });

  const order = (i: number) => ({
    action: 'order',
    eventId: `check-${i}`,
    at: Date.now() - 60_000 + i,
    customer: { id: `check-customer-${i}`, createdAt: Date.now() - 86_400_000 },
    order: { number: `CHK${i}`, value: 40, currency: 'EUR' },
    device: { id: 'check-shared-device' },
  });

  const otherAccountsOnDevice = async () => {
    const probe = parseRiskRequest({ ...order(99), eventId: `probe-${Math.random()}`, customer: { id: 'probe', createdAt: Date.now() - 1000 } }, workspaceId);
    return (await platform.context.risk!.counters.observe(counterEventOf(probe), { record: false })).entities.device?.otherAccounts;
  };

  it('rebuilds the counters of a flushed workspace from the decision log within a check period', async () => {
    for (const i of [1, 2, 3]) {
      const response = await fetch(`${platform.url}/api/risk/score`, {
        method: 'POST',
        headers: { authorization: `Bearer ${platform.adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(order(i)),
      });
      expect(response.status).toBe(200);
    }
    expect(await otherAccountsOnDevice()).toBe(3);
    const marker = platform.context.risk!.counterRecovery.markerKey(workspaceId);
    await waitFor(async () => (await redis.exists(marker)) === 1, 10_000);

    const keys = await redis.keys(`${platform.config.redis.keyPrefix}:risk:{${workspaceId}}*`);
    await redis.del(...keys);
    expect(await otherAccountsOnDevice()).toBe(0);

    await waitFor(async () => (await redis.exists(marker)) === 1, 10_000);
    expect(await otherAccountsOnDevice()).toBe(3);
  }, 30_000);
});
