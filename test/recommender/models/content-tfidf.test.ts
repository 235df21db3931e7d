import { ContentTrainer, InteractionData, textTokens } from '../../../recommender';
import { groupCatalogue, groupSequences } from '../support/generated-sequences';

describe('ContentTrainer (content-tfidf)', () => {
  const GROUP = 6;
  // `new-3` has never been interacted with; only its attributes say it belongs with brand 3.
  const catalogue = groupCatalogue(5, GROUP, [{ id: 'new-3', attributes: ['brand-3', 'size-1'], text: 'Brand new product of brand3' }]);
  const data = InteractionData.fromSequences(groupSequences({ users: 50, groups: 5, groupSize: GROUP, length: 4 }), { catalogue });

  it('recommends a new product with no history from its attributes and text', async () => {
    const trainer = new ContentTrainer();
    const model = await trainer.fit(data, { ...trainer.defaults, maxDocumentShare: 0.5 });
    const recs = model.recommend({ history: ['i19'], k: 6 });
    expect(recs.map((r) => r.item)).toContain('new-3');
    for (const r of recs) if (r.item !== 'new-3') expect(Math.floor(Number(r.item.slice(1)) / GROUP)).toBe(3);
    expect(recs[0]!.because).toBe('i19');
  });

  it('ignores tokens that most items share', async () => {
    const trainer = new ContentTrainer();
    // "product" is in every text: alone it would make every item similar to every other.
    const plain = InteractionData.fromSequences([{ user: 'u', items: ['a', 'b'] }], {
      catalogue: [
        { id: 'a', text: 'product red' },
        { id: 'b', text: 'product blue' },
        { id: 'c', text: 'product red' },
        { id: 'd', text: 'product green' },
      ],
    });
    const model = await trainer.fit(plain, { ...trainer.defaults, maxDocumentShare: 0.6 });
    const recs = model.recommend({ history: ['a'], k: 3 });
    expect(recs[0]).toEqual({ item: 'c', score: expect.any(Number), because: 'a' });
    expect(recs.slice(1).map((r) => r.score)).toEqual([0, 0]);
  });

  it('tokenises text in any script (words; character bigrams for Chinese, Japanese, Korean and Thai)', () => {
    expect(textTokens('Zapatillas de Running')).toEqual(['w:zapatillas', 'w:de', 'w:running']);
    expect(textTokens('跑步鞋 Nike')).toEqual(['w:跑步', 'w:步鞋', 'w:nike']);
  });
});
