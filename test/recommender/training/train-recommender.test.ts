import { loadRecommender, InteractionData, runSequenceBenchmark, trainRecommender, type UserSequence } from '../../../recommender';
import { chainSequences, random } from '../support/generated-sequences';

const ITEMS = 40;
const base = chainSequences({ users: 160, items: ITEMS, length: 6, noise: 0.2 });

describe('trainRecommender', () => {
  it('tunes each component and the blend weights on the validation item, and stores those figures in the artefact', async () => {
    const progress: number[] = [];
    const trained = await trainRecommender(InteractionData.fromSequences(base), { onProgress: (f) => progress.push(f) });
    expect(trained.components.map((c) => c.kind)).toEqual(['popularity', 'item-knn', 'sequential-knn', 'implicit-als', 'content-tfidf']);
    expect(Math.max(...trained.components.map((c) => c.weight))).toBe(1);
    expect(trained.model.metrics).toMatchObject({ split: 'validation', users: 160 });
    // The weights are chosen on those figures: the blend does at least as well as its best component there.
    for (const c of trained.components) expect(trained.model.metrics!.hr10).toBeGreaterThanOrEqual(c.validation.hr10);
    expect(trained.model.metrics!.hr10).toBeGreaterThan(0.6);
    expect(progress.at(-1)).toBe(1);
    expect(loadRecommender(trained.model.serialize()).metrics).toEqual(trained.model.metrics);
  });

  it('never looks at the test split: other test items change no chosen parameter, weight or validation figure', async () => {
    const rnd = random(9);
    const withTest = (seed: number): UserSequence[] => base.map((s) => ({ ...s, items: [...s.items, `i${Math.floor(((rnd() + seed) % 1) * ITEMS)}`] }));
    const a = await runSequenceBenchmark({ sequences: withTest(0.1), latencyUsers: 5 });
    const b = await runSequenceBenchmark({ sequences: withTest(0.6), latencyUsers: 5 });
    expect(a.chosen).toEqual(b.chosen);
    expect(a.validation).toEqual(b.validation);
    expect(a.hr10).not.toEqual(b.hr10);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(trainRecommender(InteractionData.fromSequences(base), { signal: controller.signal })).rejects.toThrow(/cancelled/);
  });
});
