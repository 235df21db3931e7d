import { BlendTrainer, InteractionData, recommenderTrainers, type BlendModel } from '../../../recommender';
import { chainSequences, groupCatalogue, successor } from '../support/generated-sequences';

describe('BlendTrainer', () => {
  const ITEMS = 30;
  const data = InteractionData.fromSequences(chainSequences({ users: 150, items: ITEMS, length: 5 }), { catalogue: groupCatalogue(3, 10) });
  const blend = recommenderTrainers().get('blend') as unknown as BlendTrainer;

  it('fits only the components with a weight and adds their normalised scores', async () => {
    const model = (await blend.fit(data, {
      components: [
        { kind: 'sequential-knn', weight: 1 },
        { kind: 'popularity', weight: 0.01 },
        { kind: 'implicit-als', weight: 0 },
      ],
    })) as BlendModel;
    expect(model.components.map((c) => c.kind)).toEqual(['sequential-knn', 'popularity']);
    const recs = model.recommend({ history: ['i4'], k: 3 });
    expect(recs[0]!.item).toBe(successor('i4', ITEMS));
    expect(recs[0]!.because).toBe('i4');
    // Normalised: the best component score is the weight, plus the popularity share.
    expect(recs[0]!.score).toBeGreaterThan(1);
    expect(recs[0]!.score).toBeLessThanOrEqual(1.01 + 1e-6);
  });

  it('scores a batch exactly as it scores one shopper', async () => {
    const model = (await blend.fit(data, blend.defaults)) as BlendModel;
    const histories = [Int32Array.of(1, 2), Int32Array.of(5)];
    const contexts = histories.map((h) => ({ excluded: Uint8Array.from({ length: model.itemCount }, (_, i) => (h.includes(i) ? 1 : 0)) }));
    const batch = new Float32Array(2 * model.itemCount);
    await model.scoreBatch(histories, contexts, batch);
    histories.forEach((h, b) => {
      const one = new Float32Array(model.itemCount);
      model.scoreInto(h, one, contexts[b]!);
      for (let i = 0; i < model.itemCount; i++) expect(batch[b * model.itemCount + i]).toBeCloseTo(one[i]!, 4);
    });
  });

  it('serves concurrent shoppers one at a time, each scored as on its own', async () => {
    const model = (await blend.fit(data, blend.defaults)) as BlendModel;
    const histories = [Int32Array.of(1, 2), Int32Array.of(5), Int32Array.of(9, 3)];
    const served = histories.map(() => new Float32Array(model.itemCount));
    await Promise.all(histories.map((h, b) => model.scoreOne(h, served[b]!, {})));
    histories.forEach((h, b) => {
      const one = new Float32Array(model.itemCount);
      model.scoreInto(h, one, {});
      // Exactly: serving walks only the neighbour models' support but adds in the same order.
      expect(served[b]).toEqual(one);
    });
  });

  it('refuses a blend without any weighted component', async () => {
    await expect(blend.fit(data, { components: [{ kind: 'popularity', weight: 0 }] })).rejects.toThrow(/at least one component/);
  });
});
