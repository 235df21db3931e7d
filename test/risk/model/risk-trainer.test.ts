import {
  MemoryCounterStore,
  RiskArtefactError,
  RiskFeatureBuilder,
  RiskModel,
  RiskTrainingCancelledError,
  RiskTrainingDataError,
  chooseThresholds,
  parseFraudCsv,
  rocAuc,
  trainRiskModel,
  type RiskFeatures,
} from '../../../risk';
import { replayFeatures } from '../../../risk/evaluation/replay';
import { fraudCsv, generatePurchases } from '../risk-fixtures';

/** Generated purchases (fraud = quick purchases from shared devices) as features, labels and shoppers. */
async function plantedData(count: number, seed: number) {
  const rows = parseFraudCsv(fraudCsv(generatePurchases(count, seed)));
  const features = await replayFeatures(rows.map((r) => r.request), new MemoryCounterStore(), new RiskFeatureBuilder());
  return { features, labels: rows.map((r) => r.label), users: rows.map((r) => r.userId) };
}

const FAST = { candidates: [{ max_depth: 2, eta: 0.2 }], folds: 3, maxRounds: 200, earlyStoppingRounds: 20 };

describe('trainRiskModel', () => {
  let data: Awaited<ReturnType<typeof plantedData>>;
  let model: RiskModel;

  beforeAll(async () => {
    data = await plantedData(500, 1);
    model = await trainRiskModel(data.features.slice(0, 400), data.labels.slice(0, 400), data.users.slice(0, 400), FAST);
  });
  afterAll(() => model.dispose());

  it('finds the planted signal: held-out frauds rank far above legitimate orders', () => {
    const held = data.features.slice(400);
    expect(rocAuc(model.predictMany(held), data.labels.slice(400))).toBeGreaterThan(0.95);
    expect(model.metrics.rocAuc).toBeGreaterThan(0.95);
  });

  it('explains a quick purchase mainly by its time since sign-up or the shared device', () => {
    const index = data.labels.findIndex((l, i) => i >= 400 && l === 1);
    const prediction = model.predict(data.features[index]!, { explain: true });
    expect(prediction.probability).toBeGreaterThan(0.5);
    expect(['minutes_since_signup', 'device_other_accounts', 'device_other_quick_accounts', 'ip_other_accounts', 'ip_other_quick_accounts', 'device_minutes_since_last_seen', 'ip_minutes_since_last_seen']).toContain(prediction.contributions![0]!.feature);
    const total = prediction.contributions!.reduce((s, c) => s + c.contribution, prediction.bias!);
    expect(total).toBeCloseTo(prediction.margin, 4);
  });

  it('round-trips through its artefact with identical scores and version', () => {
    const loaded = RiskModel.load(model.serialize());
    const sample: RiskFeatures[] = data.features.slice(400, 450);
    expect(Array.from(loaded.predictMany(sample))).toEqual(Array.from(model.predictMany(sample)));
    expect(loaded.version).toBe(model.version);
    expect(loaded.thresholds).toEqual(model.thresholds);
    loaded.dispose();
  });

  it('keeps thresholds ordered: review below decline', () => {
    expect(model.thresholds.review).toBeLessThanOrEqual(model.thresholds.decline);
  });

  it('refuses artefacts that are not risk models, saying to retrain', () => {
    expect(() => RiskModel.load(Buffer.from('garbage'))).toThrow(RiskArtefactError);
    expect(() => RiskModel.load(Buffer.from('garbage'))).toThrow(/retrain the risk model/);
  });

  it('needs frauds in every fold', async () => {
    await expect(trainRiskModel(data.features.slice(0, 50), new Array(50).fill(0), undefined, FAST)).rejects.toThrow(RiskTrainingDataError);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(trainRiskModel(data.features, data.labels, data.users, { ...FAST, signal: controller.signal })).rejects.toThrow(RiskTrainingCancelledError);
  });
});

describe('chooseThresholds', () => {
  it('sends the chosen shares of legitimate validation orders to review and decline', () => {
    const negatives = Array.from({ length: 1000 }, (_, i) => i / 1000);
    const probabilities = [...negatives, 0.999, 0.998];
    const labels = [...negatives.map(() => 0), 1, 1];
    const { review, decline } = chooseThresholds(probabilities, labels, 0.03, 0.002);
    expect(negatives.filter((p) => p >= review).length).toBeLessThanOrEqual(30);
    expect(negatives.filter((p) => p >= decline).length).toBeLessThanOrEqual(2);
    expect(decline).toBeGreaterThan(review);
  });
});
