import { FeatureEncoder, MemoryCounterStore, RiskFeatureBuilder, counterEventOf, type RiskFeatures, type RiskRequest } from '../../../risk';
import { FeatureVocabularyError } from '../../../risk/features/feature-encoder';
import { orderRequest } from '../risk-fixtures';

async function featuresOf(requests: RiskRequest[]): Promise<RiskFeatures[]> {
  const store = new MemoryCounterStore();
  const builder = new RiskFeatureBuilder();
  const out: RiskFeatures[] = [];
  for (const r of requests) out.push(builder.build(r, await store.observe(counterEventOf(r))));
  return out;
}

describe('FeatureEncoder', () => {
  it('gives frequent categories a column, rare and unseen ones the other column, missing ones none', async () => {
    const training = await featuresOf([
      ...Array.from({ length: 3 }, (_, i) => orderRequest({ eventId: `c${i}`, device: { browser: 'Chrome' } })),
      orderRequest({ eventId: 'rare', device: { browser: 'Opera' } }),
    ]);
    const encoder = FeatureEncoder.fit(training, { minCount: 2 });
    const names = encoder.columns.map((c) => c.name);
    expect(names).toContain('browser=Chrome');
    expect(names).not.toContain('browser=Opera');
    const [unseen, missing] = await featuresOf([
      orderRequest({ eventId: 'u', device: { browser: 'NeverSeenBrowser' } }),
      orderRequest({ eventId: 'm', device: {} }),
    ]);
    const at = (row: Float32Array, name: string) => row[names.indexOf(name)];
    const a = encoder.encode(unseen!);
    expect([at(a, 'browser=Chrome'), at(a, 'browser=other')]).toEqual([0, 1]);
    const b = encoder.encode(missing!);
    expect([at(b, 'browser=Chrome'), at(b, 'browser=other')]).toEqual([0, 0]);
  });

  it('refuses a vocabulary made for other numeric features', () => {
    expect(() => new FeatureEncoder({ numeric: ['something_else'], categorical: {} })).toThrow(FeatureVocabularyError);
  });
});
