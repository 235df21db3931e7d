import { Redis } from 'ioredis';
import {
  MemoryCounterStore,
  RedisCounterStore,
  RiskFeatureBuilder,
  RiskRules,
  RiskScorer,
  parseFraudCsv,
  trainRiskModel,
  type RiskCounterStore,
  type RiskModel,
  type RiskRequest,
  type RiskScore,
} from '../../../risk';
import { replayFeatures } from '../../../risk/evaluation/replay';
import { REDIS_URL, deleteRedisPrefix, uniquePrefix } from '../../support/services';
import { fraudCsv, generatePurchases, orderRequest } from '../risk-fixtures';

const T = Date.UTC(2015, 3, 1, 12, 0);
const MIN = 60_000;

describe('RiskScorer', () => {
  let model: RiskModel;
  const builder = new RiskFeatureBuilder();
  const errors: Array<Record<string, unknown>> = [];
  const logger = { error: (object: Record<string, unknown>) => void errors.push(object) };

  beforeAll(async () => {
    const rows = parseFraudCsv(fraudCsv(generatePurchases(600, 5)));
    const features = await replayFeatures(rows.map((r) => r.request), new MemoryCounterStore(), builder);
    model = await trainRiskModel(features, rows.map((r) => r.label), rows.map((r) => r.userId), {
      candidates: [{ max_depth: 2, eta: 0.2 }],
      folds: 3,
      maxRounds: 200,
      earlyStoppingRounds: 20,
    });
  });
  afterAll(() => model.dispose());
  beforeEach(() => (errors.length = 0));

  /** Three accounts that bought at once from one device, then `request`. */
  async function scoreAfterRing(scorer: RiskScorer, request: RiskRequest): Promise<RiskScore> {
    for (const id of ['r1', 'r2', 'r3']) {
      await scorer.score(orderRequest({ eventId: id, at: T - 30 * MIN, customer: { id, createdAt: T - 30 * MIN }, device: { id: 'ring-device', ip: '203.0.113.9' } }));
    }
    return scorer.score(request);
  }

  const risky = orderRequest({ eventId: 'risky', at: T, customer: { id: 'new', createdAt: T }, device: { id: 'ring-device', ip: '203.0.113.9' } });
  const normal = orderRequest({ eventId: 'normal', at: T, customer: { id: 'old', createdAt: T - 90 * 86_400_000 }, device: { id: 'own-device', ip: '198.51.100.20' } });

  describe('with Redis counters (the live path)', () => {
    const prefix = uniquePrefix('risk-scorer');
    let redis: Redis;
    let counters: RiskCounterStore;
    beforeAll(() => {
      redis = new Redis(REDIS_URL);
      counters = new RedisCounterStore(redis, prefix);
    });
    afterAll(async () => {
      await deleteRedisPrefix(prefix);
      await redis.quit();
    });

    it('stops a purchase made at sign-up on a device three accounts just used, and says why', async () => {
      const scorer = new RiskScorer({ counters, features: builder, model, logger });
      const result = await scoreAfterRing(scorer, risky);
      expect(result.decision).not.toBe('approve');
      expect(result.score).toBeGreaterThan(model.thresholds.review);
      expect(result.modelVersion).toBe(model.version);
      expect(result.reasons.map((r) => r.text).join(' | ')).toMatch(/sign-up|other accounts? (used|on) this (device|IP address)/);
    });

    it('approves an old account on its own device', async () => {
      const scorer = new RiskScorer({ counters, features: builder, model, logger });
      const result = await scorer.score(normal);
      expect(result).toMatchObject({ decision: 'approve', rules: [] });
      expect(result.reasons.length).toBeGreaterThan(0);
    });
  });

  describe('with workspace rules and thresholds', () => {
    it('lets a rule decline what the model approves, and names it first', async () => {
      const rules = new RiskRules({ blockedDevices: ['own-device'] });
      const scorer = new RiskScorer({ counters: new MemoryCounterStore(), features: builder, model, logger, settings: () => ({ rules }) });
      const result = await scorer.score(normal);
      expect(result.decision).toBe('decline');
      expect(result.rules).toEqual(['blocked_device']);
      expect(result.reasons[0]).toEqual({ code: 'rule:blocked_device', text: 'the device is on the blocklist' });
    });

    it("uses the workspace's thresholds over the model's", async () => {
      const scorer = new RiskScorer({ counters: new MemoryCounterStore(), features: builder, model, logger, settings: () => ({ thresholds: { review: 0 } }) });
      expect((await scorer.score(normal)).decision).toBe('review');
    });
  });

  describe('when something fails', () => {
    it('answers review, never approve, and logs why (fail closed)', async () => {
      const broken: RiskCounterStore = {
        observe: () => Promise.reject(new Error('Redis is down')),
        recordChargeback: () => Promise.resolve(),
      };
      const decisions: RiskScore[] = [];
      const scorer = new RiskScorer({ counters: broken, features: builder, model, logger, onDecision: (_r, s) => decisions.push(s) });
      const result = await scorer.score(normal);
      expect(result).toEqual({
        score: null,
        decision: 'review',
        reasons: [{ code: 'scoring_failed', text: 'the risk check could not run, so this is sent to review' }],
        modelVersion: model.version,
        rules: [],
      });
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ eventId: 'normal', workspaceId: 'ws-test' });
      expect(decisions).toEqual([result]);
    });

    it('reviews everything while no model is trained', async () => {
      const scorer = new RiskScorer({ counters: new MemoryCounterStore(), features: builder, model: undefined, logger });
      const result = await scorer.score(normal);
      expect(result).toMatchObject({ decision: 'review', score: null, modelVersion: 'none' });
      expect(result.reasons.map((r) => r.code)).toEqual(['no_model']);
    });

    it('decides on the rules alone while no model is trained, when told so (the platform\'s choice)', async () => {
      const scorer = new RiskScorer({ counters: new MemoryCounterStore(), features: builder, model: undefined, withoutModel: 'rules', logger });
      expect(await scorer.score(normal)).toMatchObject({ decision: 'approve', score: null, modelVersion: 'none', reasons: [{ code: 'no_model' }] });
      const rules = new RiskRules({ reviewAboveValue: 10 });
      expect(await scorer.score({ ...normal, eventId: 'large' }, { settings: { rules } })).toMatchObject({ decision: 'review', rules: ['value_review_limit'] });
    });

    it('uses the model and settings given for one call over its own', async () => {
      const scorer = new RiskScorer({ counters: new MemoryCounterStore(), features: builder, model: undefined, withoutModel: 'rules', logger });
      const result = await scorer.score({ ...normal, eventId: 'with-model' }, { model, settings: { thresholds: { review: 0, decline: 1 } } });
      expect(result).toMatchObject({ decision: 'review', modelVersion: model.version });
    });

    it('never lets a workspace\'s review threshold rise above the model\'s decline threshold unnoticed', async () => {
      const scorer = new RiskScorer({ counters: new MemoryCounterStore(), features: builder, model, logger, settings: () => ({ thresholds: { review: 0.999999 } }) });
      const result = await scorer.score({ ...normal, eventId: 'raised' });
      expect(result.decision).toBe('approve');
    });
  });

  describe('when asked not to record', () => {
    it('scores without counting the request', async () => {
      const counters = new MemoryCounterStore();
      const scorer = new RiskScorer({ counters, features: builder, model, logger });
      await scorer.score(orderRequest({ eventId: 'peek', customer: { id: 'x', createdAt: 0 } }), { record: false });
      const after = await counters.observe({ workspaceId: 'ws-test', eventId: 'n', at: T, action: 'order', customerId: 'y', customerCreatedAt: 0, entities: { device: 'dev-1' } });
      expect(after.entities.device!.otherAccounts).toBe(0);
    });
  });
});
