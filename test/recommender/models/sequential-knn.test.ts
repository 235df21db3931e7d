import { CooccurrenceTrainer, evaluateModel, InteractionData, SequentialTrainer, splitLastItem } from '../../../recommender';
import { chainSequences, item, predecessor, successor } from '../support/generated-sequences';

describe('SequentialTrainer (sequential-knn)', () => {
  const ITEMS = 60;
  const data = InteractionData.fromSequences(chainSequences({ users: 300, items: ITEMS, length: 6 }));

  it('recommends what followed the shopper’s last item (the planted successor) first', async () => {
    const trainer = new SequentialTrainer();
    const model = await trainer.fit(data, { ...trainer.defaults, backwardWeight: 0 });
    for (const last of ['i5', 'i13', 'i40']) {
      const recs = model.recommend({ history: ['i0', last], k: 1 });
      expect(recs[0]!.item).toBe(successor(last, ITEMS));
      expect(recs[0]!.because).toBe(last);
    }
  });

  it('finds the direction that the co-occurrence model cannot see', async () => {
    const sequential = new SequentialTrainer();
    const cooccurrence = new CooccurrenceTrainer();
    const seq = await sequential.fit(data, { ...sequential.defaults, backwardWeight: 0 });
    const co = await cooccurrence.fit(data, cooccurrence.defaults);
    let seqRight = 0;
    let coRight = 0;
    for (let n = 0; n < ITEMS; n++) {
      // One item seen: what comes next, not what came before?
      const history = [item(n)];
      if (seq.recommend({ history, k: 1 })[0]!.item === successor(item(n), ITEMS)) seqRight++;
      if (co.recommend({ history, k: 1 })[0]!.item === successor(item(n), ITEMS)) coRight++;
      // Co-occurrence is symmetric: the item before is as similar as the item after.
      const i = co.indexOf(item(n))!;
      const before = co.neighbours.similarity(i, co.indexOf(predecessor(item(n), ITEMS))!);
      const after = co.neighbours.similarity(i, co.indexOf(successor(item(n), ITEMS))!);
      expect(before / after).toBeGreaterThan(0.6);
      expect(before / after).toBeLessThan(1 / 0.6);
    }
    expect(seqRight).toBe(ITEMS);
    expect(coRight).toBeLessThan(ITEMS * 0.8);
  });

  it('finds the held-out next item of most shoppers', async () => {
    const split = splitLastItem(data);
    const trainer = new SequentialTrainer();
    const metrics = await evaluateModel(await trainer.fit(split.train, trainer.defaults), split.train, split.targets);
    expect(metrics.hr10).toBeGreaterThan(0.85);
  });

  it('weighs a pair by how far apart the items were (distance decay within the window)', async () => {
    const trainer = new SequentialTrainer();
    const model = await trainer.fit(data, { ...trainer.defaults, backwardWeight: 0, window: 3, distanceDecay: 0.5 });
    const next = successor('i5', ITEMS);
    const afterNext = successor(next, ITEMS);
    expect(model.neighbours.similarity(data.indexOf('i5')!, data.indexOf(next)!)).toBeGreaterThan(model.neighbours.similarity(data.indexOf('i5')!, data.indexOf(afterNext)!));
    expect(model.neighbours.similarity(data.indexOf('i5')!, data.indexOf(afterNext)!)).toBeGreaterThan(0);
  });
});
