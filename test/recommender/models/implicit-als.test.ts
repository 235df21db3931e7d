import { AlsTrainer, InteractionData } from '../../../recommender';
import { groupOf, groupSequences } from '../support/generated-sequences';

describe('AlsTrainer (implicit-als)', () => {
  const GROUP = 10;
  const data = InteractionData.fromSequences(groupSequences({ users: 240, groups: 4, groupSize: GROUP, length: 6 }));
  const params = { ...new AlsTrainer().defaults, factors: 8, iterations: 8, regularization: 0.1 };

  it('recommends from the shopper’s latent taste group', async () => {
    const model = await new AlsTrainer().fit(data, params);
    const recs = model.recommend({ history: ['i21', 'i25'], k: 5 });
    expect(recs.map((r) => groupOf(r.item, GROUP))).toEqual([2, 2, 2, 2, 2]);
    expect(['i21', 'i25']).toContain(recs[0]!.because);
  });

  it('scores a batch (native matrix product) as it scores one shopper at a time', async () => {
    const model = await new AlsTrainer().fit(data, params);
    const histories = [Int32Array.of(1, 2), Int32Array.of(30), new Int32Array(0)];
    const batch = new Float32Array(histories.length * model.itemCount);
    await model.scoreBatch(histories, histories.map(() => ({})), batch);
    histories.forEach((h, b) => {
      const one = new Float32Array(model.itemCount);
      model.scoreInto(h, one, {});
      for (let i = 0; i < model.itemCount; i++) expect(batch[b * model.itemCount + i]).toBeCloseTo(one[i]!, 4);
    });
  });

  it('continues from an earlier model with fewer sweeps when warm-started', async () => {
    const trainer = new AlsTrainer();
    const cold = await trainer.fit(data, params);
    const warm = await trainer.fit(data, { ...params, warmIterations: 1 }, { warmStart: cold });
    expect(warm.recommend({ history: ['i21', 'i25'], k: 5 }).map((r) => groupOf(r.item, GROUP))).toEqual([2, 2, 2, 2, 2]);
    expect(warm.itemFactors).not.toBe(cold.itemFactors);
  });

  it('stops when its signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(new AlsTrainer().fit(data, params, { signal: controller.signal })).rejects.toThrow(/cancelled/);
  });
});
