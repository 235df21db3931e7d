/**
 * The demo's generated risk history: a model trained on it (the platform's own training path: replay, time split,
 * XGBoost) beats a constant score on the held-out window, declines an address change on the risky demo order, and
 * lets the same request through on every ordinary demo order.
 */
import { demoCatalog } from '../../../commerce';
import { DisposableEmailDomains, MemoryCounterStore, RiskFeatureBuilder, RiskModel, counterEventOf, type RiskRequest } from '../../../risk';
import { generateDemoRiskHistory, RISKY_DEMO_ORDER, type DemoStoreOrder } from '../../../risk/demo/demo-risk-history';
import { RiskLearningComponent } from '../../../risk/learning/risk-learning-component';
import { buildTimeline, replayTimeline } from '../../../risk/learning/risk-timeline';
import type { RiskLabel } from '../../../risk/platform/risk-label-store';
import { RiskScorer } from '../../../risk/scoring/risk-scorer';

const NOW = Date.UTC(2025, 10, 23, 9, 30);

function storeOrders(now: number): DemoStoreOrder[] {
  const catalog = demoCatalog(now) as { orders: Array<{ orderNumber: string; email: string; placedAt: number; items: Array<{ quantity: number; unitPrice: string }>; shippingAddress: { country: string; line1: string } }> };
  const orders = catalog.orders.map((o) => ({
    orderNumber: o.orderNumber,
    customerId: `cust-${o.email}`,
    email: o.email,
    placedAt: o.placedAt,
    value: o.items.reduce((sum, item) => sum + item.quantity * Number(item.unitPrice), 0),
    currency: 'EUR',
    shippingCountry: o.shippingAddress.country,
    shippingAddress: `${o.shippingAddress.line1}, ${o.shippingAddress.country}`,
  }));
  orders.push({ orderNumber: RISKY_DEMO_ORDER.orderNumber, customerId: 'cust-risky', email: RISKY_DEMO_ORDER.email, placedAt: now - RISKY_DEMO_ORDER.placedAgoMs, value: 596, currency: 'EUR', shippingCountry: 'GB', shippingAddress: 'Alex Turner, 14 Wharf Road, Unit 9, N1 7GR, London, GB' });
  return orders;
}

function labelsOf(history: ReturnType<typeof generateDemoRiskHistory>): RiskLabel[] {
  return history.labels.map((l, i) => ({ id: `l${i}`, workspaceId: 'ws-demo', externalId: null, kind: l.kind, orderNumber: l.orderNumber, customerId: l.customerId, note: null, createdBy: 'demo', at: l.at, createdAt: l.at }));
}

describe('the demo risk history', () => {
  const builder = new RiskFeatureBuilder({ disposableDomains: DisposableEmailDomains.readFile() });
  const history = generateDemoRiskHistory('ws-demo', NOW, storeOrders(NOW));
  const labels = labelsOf(history);
  let model: RiskModel;
  let metrics: Record<string, unknown>;

  beforeAll(async () => {
    const component = new RiskLearningComponent({ history: async () => ({ requests: history.requests, labels }), features: builder, now: () => NOW });
    const set = await component.collect('ws-demo');
    const started = performance.now();
    const trained = await component.train(set, {});
    metrics = { ...trained.metrics, trainMs: Math.round(performance.now() - started) };
    model = component.load('xgboost', trained.artefact);
  }, 60_000);

  afterAll(() => model?.dispose());

  it('is the same history on every start (seeded)', () => {
    const again = generateDemoRiskHistory('ws-demo', NOW, storeOrders(NOW));
    expect(again.requests.map((r) => r.request.eventId)).toEqual(history.requests.map((r) => r.request.eventId));
    expect(again.labels).toEqual(history.labels);
    expect(history.labels.every((l) => l.at < NOW)).toBe(true);
  });

  it('trains a model that beats a constant score on the most recent labelled requests', () => {
    const windowFrauds = metrics.windowFrauds as number;
    const windowRows = metrics.windowRows as number;
    expect(windowFrauds).toBeGreaterThanOrEqual(2);
    expect(metrics.windowPrAuc as number).toBeGreaterThan(windowFrauds / windowRows);
    expect(metrics.windowRocAuc as number).toBeGreaterThan(0.8);
  });

  describe('scoring an address change in chat after the history', () => {
    let scorer: RiskScorer;
    const counters = new MemoryCounterStore();

    beforeAll(async () => {
      await replayTimeline(history.requests, buildTimeline(history.requests, labels), counters);
      scorer = new RiskScorer({ counters, features: builder, model, logger: { error: () => undefined } });
    });

    const chatRequest = (orderNumber: string, at = NOW + 60_000): RiskRequest => {
      const purchase = history.requests.find((r) => r.orderNumber === orderNumber && r.request.action === 'order')!.request;
      return { ...purchase, action: 'change_address', eventId: `chat:${orderNumber}:${at}`, at, channel: 'webchat', order: { ...purchase.order!, shippingAddress: 'Somewhere New 1, 10115 Berlin, DE', shippingCountry: 'DE' } };
    };

    it('declines it on the risky demo order, with reasons an agent can read', async () => {
      const result = await scorer.score(chatRequest(RISKY_DEMO_ORDER.orderNumber));
      expect(result.decision).toBe('decline');
      expect(result.reasons.length).toBeGreaterThanOrEqual(2);
      expect(result.reasons.find((r) => r.code === 'minutes_since_signup')?.text).toMatch(/^account opened \d+ minutes before this address change$/);
    });

    it('still declines it when the demo is run days later', async () => {
      const result = await scorer.score(chatRequest(RISKY_DEMO_ORDER.orderNumber, NOW + 9 * 86_400_000), { record: false });
      expect(result.decision).toBe('decline');
    });

    it.each(['A1B2C3', 'B7K9Q2', 'C4D5E6', 'D8F1G3', 'E2H4J6', 'K2V4W6', 'F3K5M7', 'G6N8P1', 'L8X1Y3', 'J5S7T9', 'H9Q2R4'])('approves it on the ordinary demo order %s', async (orderNumber) => {
      const result = await scorer.score(chatRequest(orderNumber), { record: false });
      expect({ orderNumber, decision: result.decision, score: result.score }).toMatchObject({ decision: 'approve' });
    });
  });

  it('counts each request once (event ids are unique)', () => {
    const ids = history.requests.map((r) => counterEventOf(r.request).eventId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
