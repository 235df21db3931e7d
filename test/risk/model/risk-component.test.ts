import { RiskFeatureBuilder, RiskModelComponent, parseFraudCsv } from '../../../risk';
import { fraudCsv, generatePurchases } from '../risk-fixtures';

describe('RiskModelComponent', () => {
  const rows = parseFraudCsv(fraudCsv(generatePurchases(300, 21)), 'ws-1');
  const component = new RiskModelComponent({
    labelledRequests: () => Promise.resolve(rows),
    features: () => new RiskFeatureBuilder(),
    training: { candidates: [{ max_depth: 2, eta: 0.3 }], folds: 3, maxRounds: 100, earlyStoppingRounds: 10 },
  });

  it('fingerprints the same labels the same way, and changed labels differently', async () => {
    const a = await component.collect('ws-1');
    const b = await component.collect('ws-1');
    expect(a.fingerprint).toBe(b.fingerprint);
    const flipped = new RiskModelComponent({ labelledRequests: () => Promise.resolve(rows.map((r, i) => (i === 0 ? { ...r, label: r.label === 1 ? 0 : 1 } : r))), features: () => new RiskFeatureBuilder() });
    expect((await flipped.collect('ws-1')).fingerprint).not.toBe(a.fingerprint);
  });

  it('trains an artefact with its primary metric, which loads back into a working model', async () => {
    const progress: number[] = [];
    const trained = await component.train(await component.collect('ws-1'), { onProgress: (f) => progress.push(f) });
    expect(trained.metrics.prAuc).toBeGreaterThan(0.8);
    expect(progress[progress.length - 1]).toBe(1);
    const model = component.load('xgboost', trained.artefact);
    expect(model.version).toBe(trained.metrics.modelVersion);
    model.dispose();
    expect(() => component.load('lightgbm', trained.artefact)).toThrow(/trains "xgboost"/);
  });
});
