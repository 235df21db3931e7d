/**
 * Retraining a workspace's risk model through the model registry (real SQLite, Redis for the model events, XGBoost):
 * a new version goes live only when it beats the live one on the held-out time window (the most recent labelled
 * requests); with too few labels nothing is trained; unchanged data trains nothing; the schedule fans out.
 */
import { Redis } from 'ioredis';
import { openDatabase, migrateToLatest, type DatabaseHandle } from '../../../platform/database';
import { WorkspaceStore } from '../../../platform/workspaces';
import { ModelRegistry } from '../../../workers/model-registry/model-registry';
import type { TrainModelJobData } from '../../../workers/queues';
import { RiskFeatureBuilder, type RiskLabel, type RiskRequest } from '../../../risk';
import { decideRiskPromotion, retrainRiskProcessor, type RetrainRiskResult } from '../../../risk/learning/retrain-risk.job';
import { RiskLearningComponent } from '../../../risk/learning/risk-learning-component';
import type { LoggedRequest } from '../../../risk/learning/risk-timeline';
import type { RiskTrainingSet } from '../../../risk/learning/risk-training-set';
import { seededRandom } from '../../../risk/evaluation/seeded-random';
import { createSqliteDatabase, type TestDatabase } from '../../support/databases';
import { REDIS_URL, uniquePrefix } from '../../support/services';
import pino from 'pino';

const DAY = 86_400_000;

describe('risk model retraining', () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let redis: Redis;
  let registry: ModelRegistry;
  let workspaceId: string;
  const history: { requests: LoggedRequest[]; labels: RiskLabel[] } = { requests: [], labels: [] };
  const queued: TrainModelJobData[] = [];
  let run: (data: Partial<TrainModelJobData>) => Promise<RetrainRiskResult>;

  // 700 purchases spread over 60 days of 2015, 30% fraud: accounts opened minutes before, a few shared devices.
  const purchases = generateShop(700, 5);
  const byTime = [...purchases].sort((a, b) => a.request.at - b.request.at);
  const windowStart = byTime[Math.floor(byTime.length * 0.8)]!.request.at;

  /** Chargebacks a day after each purchase `isFraud` picks. */
  function setHistory(isFraud: (row: (typeof purchases)[number], index: number) => boolean): void {
    history.requests = byTime.map((r) => ({ request: { ...r.request, workspaceId }, orderNumber: r.request.eventId }));
    history.labels = byTime
      .filter(isFraud)
      .map((r, i) => ({ id: `l${i}`, workspaceId, externalId: null, kind: 'chargeback' as const, orderNumber: r.request.eventId, customerId: r.request.customer.id, note: null, createdBy: 'test', at: r.request.at + DAY, createdAt: r.request.at + DAY }));
    history.labels.sort((a, b) => a.at - b.at);
  }

  /** True labels in the window, random ones (same share) before it: a model trained on those learns nothing. */
  function garbageBeforeWindow(): void {
    const random = seededRandom(99);
    setHistory((row) => (row.request.at >= windowStart ? row.label === 1 : random() < 0.3));
  }

  beforeAll(async () => {
    database = await createSqliteDatabase();
    handle = openDatabase(database.url, 1);
    await migrateToLatest(handle.db as never);
    workspaceId = (await new WorkspaceStore(handle.db).ensure({ slug: 'retrain', name: 'Retrain', defaultLanguage: 'en' })).workspace.id;
    redis = new Redis(REDIS_URL);
    registry = new ModelRegistry(handle.db);
    const component = new RiskLearningComponent({
      history: async () => history,
      features: new RiskFeatureBuilder(),
      // Everything here is years old: without explicit labels, an order counts as legitimate.
      legitAfterDays: 60,
      minFraudLabels: 20,
      minLegitLabels: 50,
      training: { candidates: [{ max_depth: 2, eta: 0.3 }], folds: 3, maxRounds: 120, earlyStoppingRounds: 10 },
    });
    const processor = retrainRiskProcessor({
      registry,
      component,
      queue: { add: async (_name: string, data: TrainModelJobData) => (queued.push(data), undefined as never) },
      workspaces: async () => [workspaceId],
      redis,
      keyPrefix: uniquePrefix('rt'),
      logger: pino({ level: 'silent' }),
    });
    run = (data) => processor({ data: { scope: workspaceId, component: 'risk-model', requestedBy: 'test', ...data }, updateProgress: async () => undefined });
  }, 30_000);

  afterAll(async () => {
    redis?.disconnect();
    await handle?.close();
    await database?.drop();
  });

  const live = () => registry.live(workspaceId, 'risk-model');

  it('trains nothing with too few labels, and the workspace keeps what it had (rules only)', async () => {
    setHistory((row, i) => row.label === 1 && i < 200 && i % 10 === 0);
    const result = await run({});
    expect(result.outcome).toBe('skipped');
    expect((result as { reason: string }).reason).toMatch(/fraud and \d+ legitimate labelled requests; training needs at least 20 and 50/);
    expect(await registry.list(workspaceId, 'risk-model')).toEqual([]);
  });

  it('promotes a model that beats the live one on the most recent labelled requests', async () => {
    // The live model: trained on random labels (forced live, as an admin could).
    garbageBeforeWindow();
    const first = await run({ promotion: 'always' });
    expect(first).toMatchObject({ outcome: 'promoted', version: 1 });
    setHistory((row) => row.label === 1);
    const second = await run({});
    expect(second.outcome).toBe('promoted');
    const metrics = (second as { metrics: Record<string, number> }).metrics;
    expect(metrics.windowPrAuc).toBeGreaterThan(metrics.liveWindowPrAuc!);
    expect(metrics.windowStart).toBeGreaterThanOrEqual(windowStart);
    expect((second as { reason: string }).reason).toMatch(/^beats the live model: window PR-AUC/);
    expect((await live())?.version).toBe(2);
  }, 60_000);

  it('trains nothing when the labelled data has not changed', async () => {
    expect(await run({})).toEqual({ outcome: 'unchanged', liveVersion: 2 });
  });

  it('keeps the live model when the new one does worse on the window, even though it is newer', async () => {
    garbageBeforeWindow();
    const result = await run({});
    expect(result.outcome).toBe('rejected');
    expect((result as { reason: string }).reason).toMatch(/^does not beat the live model/);
    expect((await live())?.version).toBe(2);
    const versions = await registry.list(workspaceId, 'risk-model');
    expect(versions.find((v) => v.version === 3)).toMatchObject({ status: 'rejected' });
  }, 60_000);

  it('queues one run per workspace with outcomes when scheduled (no scope)', async () => {
    queued.length = 0;
    expect(await run({ scope: null, requestedBy: 'schedule' })).toEqual({ outcome: 'scheduled', workspaces: 1 });
    expect(queued).toEqual([{ scope: workspaceId, component: 'risk-model', requestedBy: 'schedule' }]);
  });
});

/** Purchases at uniform times (so every time window holds frauds), 30% fraud with the usual signals. */
function generateShop(count: number, seed: number): Array<{ request: RiskRequest; label: 0 | 1 }> {
  const random = seededRandom(seed);
  const start = Date.UTC(2015, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const fraud = random() < 0.3;
    const at = start + Math.floor(random() * 60 * DAY);
    const ring = Math.floor(random() * 6);
    const request: RiskRequest = {
      workspaceId: 'ws',
      action: 'order',
      eventId: `o${i}`,
      at,
      customer: { id: `c${i}`, createdAt: fraud ? at - Math.floor(random() * 10) * 60_000 : at - Math.floor((2 + random() * 400) * DAY) },
      order: { value: Math.round(fraud ? 150 + random() * 300 : 20 + random() * 120) },
      device: { id: fraud && random() < 0.7 ? `ring${ring}` : `d${i}`, browser: random() < 0.5 ? 'Chrome' : 'Safari' },
      channel: 'web',
    };
    return { request, label: fraud ? 1 : 0 };
  });
}

describe('decideRiskPromotion', () => {
  const set = (frauds: number, legit: number): RiskTrainingSet => ({
    workspaceId: 'ws',
    train: [],
    window: [...Array.from({ length: frauds }, () => ({ label: 1 as const })), ...Array.from({ length: legit }, () => ({ label: 0 as const }))].map((r, i) => ({ ...r, features: { numeric: new Float64Array(), categorical: [] }, group: String(i), at: i, eventId: String(i) })),
    requests: frauds + legit,
  });
  const metrics = (prAuc: number) => ({ prAuc, rocAuc: 0.5, recallAt1pctFpr: 0 });

  it('needs a strictly higher window PR-AUC than the live model', () => {
    expect(decideRiskPromotion(metrics(0.7), metrics(0.7), set(5, 15)).promote).toBe(false);
    expect(decideRiskPromotion(metrics(0.71), metrics(0.7), set(5, 15)).promote).toBe(true);
  });

  it('without a live model, must beat a constant score (the window fraud rate)', () => {
    expect(decideRiskPromotion(metrics(0.25), null, set(5, 15)).promote).toBe(false);
    expect(decideRiskPromotion(metrics(0.26), null, set(5, 15))).toMatchObject({ promote: true, reason: expect.stringMatching(/constant score/) });
  });
});
