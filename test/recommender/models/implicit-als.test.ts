import { AlsModel, AlsTrainer, InteractionData } from '../../../recommender';
import { gram, seededRandom } from '../../../recommender/models/dense-linear-algebra';
import { NATIVE_MIN_WORK } from '../../../recommender/models/matrix-product';
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

  it('scores one shopper for serving as scoreInto does, natively once the catalogue is large', async () => {
    const small = await new AlsTrainer().fit(data, params);
    // 40,000 items x 64 factors is past the native threshold: the serving product runs in onnxruntime.
    const items = 40_000;
    const f = 64;
    const random = seededRandom(7);
    const factors = Float32Array.from({ length: items * f }, () => random() - 0.5);
    const large = new AlsModel(
      Array.from({ length: items }, (_, i) => `p${i}`),
      { ...params, factors: f },
      factors,
      gram(factors, items, f),
    );
    expect(items * f).toBeGreaterThanOrEqual(NATIVE_MIN_WORK);
    for (const model of [small, large]) {
      const history = Int32Array.of(1, 2, 3);
      const reference = new Float32Array(model.itemCount);
      model.scoreInto(history, reference, {});
      const served = new Float32Array(model.itemCount);
      await model.scoreOne(history, served, {});
      for (let i = 0; i < model.itemCount; i += 97) expect(served[i]).toBeCloseTo(reference[i]!, 3);
    }
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
