import { CooccurrenceTrainer, InteractionData } from '../../../recommender';
import { groupOf, groupSequences } from '../support/generated-sequences';

describe('CooccurrenceTrainer (item-knn)', () => {
  const GROUP = 8;
  const data = InteractionData.fromSequences(groupSequences({ users: 200, groups: 6, groupSize: GROUP, length: 5 }));

  it('recommends items bought by the same shoppers (the planted taste groups)', async () => {
    const trainer = new CooccurrenceTrainer();
    const model = await trainer.fit(data, trainer.defaults);
    const recs = model.recommend({ history: ['i17', 'i20'], k: 5 });
    expect(recs).toHaveLength(5);
    for (const r of recs) expect(groupOf(r.item, GROUP)).toBe(2);
  });

  it('explains each item with the history item it co-occurs with most, recent items weighing more', async () => {
    const trainer = new CooccurrenceTrainer();
    const model = await trainer.fit(data, { ...trainer.defaults, recencyDecay: 0.5 });
    const recs = model.recommend({ history: ['i1', 'i17'], k: 3 });
    expect(recs.every((r) => groupOf(r.item, GROUP) === 2)).toBe(true);
    expect(recs.every((r) => r.because === 'i17')).toBe(true);
  });

  it('keeps at most the configured number of neighbours per item', async () => {
    const trainer = new CooccurrenceTrainer();
    const model = await trainer.fit(data, { ...trainer.defaults, neighbours: 3 });
    const { offsets } = model.neighbours;
    for (let i = 0; i < data.itemCount; i++) expect(offsets[i + 1]! - offsets[i]!).toBeLessThanOrEqual(3);
  });
});
