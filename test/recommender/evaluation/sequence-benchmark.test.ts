import { holdOutTestItems } from '../../../recommender/evaluation/sequence-benchmark';
import {
  evaluateAll,
  evaluateModel,
  InteractionData,
  PopularityTrainer,
  runSequenceBenchmark,
  splitLastItem,
  trainRecommender,
  type UserSequence,
} from '../../../recommender';
import { chainSequences, successor } from '../support/generated-sequences';

const ITEMS = 40;

describe('the sequence benchmark (S3-Rec/ICLRec protocol)', () => {
  describe('when the test items appear nowhere else', () => {
    // Every user's last item is one of five items that occur only there. A model that saw a test item in training
    // would rank these (popular, and following the validation item) first; a protocol that holds them out cannot.
    const sequences: UserSequence[] = chainSequences({ users: 200, items: ITEMS, length: 6 }).map((s) => ({
      ...s,
      items: [...s.items, `test-only-${Number(s.items.at(-1)!.slice(1)) % 5}`],
    }));

    it('never trains on them: every model scores them 0, so models that score nothing below 0 rank none in their top 20', async () => {
      const { train } = holdOutTestItems(sequences, []);
      const trained = await trainRecommender(train, { tune: false });
      const testOnly = [0, 1, 2, 3, 4].map((k) => train.indexOf(`test-only-${k}`)!);
      for (const model of [trained.model, ...trained.components.map((c) => c.model!)]) {
        const scores = new Float32Array(model.itemCount);
        for (let u = 0; u < train.userCount; u += 7) {
          model.scoreInto(train.sequence(u), scores, {});
          for (const i of testOnly) expect(scores[i]).toBe(0);
        }
      }
      const result = await runSequenceBenchmark({ sequences, latencyUsers: 20 });
      expect(Object.keys(result.models).sort()).toEqual(['blend', 'content-tfidf', 'implicit-als', 'item-knn', 'popularity', 'sequential-knn']);
      // (ALS, and a blend with it, may score an item below 0, under an item nobody has seen.)
      for (const kind of ['popularity', 'item-knn', 'sequential-knn', 'content-tfidf']) expect(result.models[kind]!.hr20).toBe(0);
      // ...while the same models find the planted pattern on the validation item they were tuned on.
      expect(result.validation['sequential-knn']!.hr10).toBeGreaterThan(0.8);
    });
  });

  it('builds the training data and its item index from the sequences without their last items', () => {
    const { train, targets } = holdOutTestItems(
      [
        { user: 'u1', items: ['a', 'b', 'only-test'] },
        { user: 'u2', items: ['b', 'c', 'a'] },
      ],
      [{ id: 'catalogue-only' }],
    );
    expect(train.itemIds).toEqual(['a', 'b', 'c', 'catalogue-only', 'only-test']);
    expect(Array.from(train.items, (i) => train.itemIds[i])).toEqual(['a', 'b', 'b', 'c']);
    expect(Array.from(targets, (t) => train.itemIds[t])).toEqual(['only-test', 'a']);
  });

  it('excludes the history from the ranking: a target the shopper already had counts as a miss', async () => {
    // u1 comes back to `a`, the most popular item; excluded, it cannot be recommended, so it is a miss.
    const data = InteractionData.fromSequences([
      { user: 'u1', items: ['a', 'b', 'a'] },
      { user: 'u2', items: ['a', 'c'] },
      { user: 'u3', items: ['a', 'c', 'b'] },
    ]);
    const { train, targets } = splitLastItem(data);
    const model = await new PopularityTrainer().fit(train, { countrySmoothing: 1 });
    expect(model.recommend({ history: ['a', 'b'], k: 1 })[0]!.item).not.toBe('a');
    expect(model.recommend({ history: ['a', 'b'], k: 1, includeHistory: true })[0]!.item).toBe('a');
    const metrics = await evaluateModel(model, train, targets, { users: [0] });
    expect(metrics).toMatchObject({ hr20: 0, users: 1 });
  });

  it('ranks the blend in the one-pass evaluation exactly as the blend ranks on its own', async () => {
    const data = InteractionData.fromSequences(chainSequences({ users: 120, items: ITEMS, length: 6, noise: 0.3 }));
    const split = splitLastItem(data);
    const trained = await trainRecommender(split.train, { tune: false });
    const onePass = await evaluateAll(trained.model, trained.components.filter((c) => c.model), split.train, split.targets);
    expect(onePass.get('blend')).toEqual(await evaluateModel(trained.model, split.train, split.targets));
    expect(trained.model.recommend({ history: ['i3'], k: 1 })[0]!.item).toBe(successor('i3', ITEMS));
  });
});
