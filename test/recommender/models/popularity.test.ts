import { InteractionData, PopularityTrainer } from '../../../recommender';

describe('PopularityTrainer', () => {
  const sequences = [
    { user: 'a', items: ['hit', 'x'], country: 'DE' },
    { user: 'b', items: ['hit', 'y'], country: 'DE' },
    { user: 'c', items: ['hit', 'local'], country: 'ES' },
    { user: 'd', items: ['local', 'z'], country: 'ES' },
    { user: 'e', items: ['local', 'hit'], country: 'ES' },
    { user: 'f', items: ['hit'] },
  ];

  it('ranks items by how often they were interacted with', async () => {
    const model = await new PopularityTrainer().fit(InteractionData.fromSequences(sequences), { countrySmoothing: 0.5 });
    expect(model.recommend({ history: [], k: 2 }).map((r) => r.item)).toEqual(['hit', 'local']);
  });

  describe('when the shopper’s country is known', () => {
    it('ranks by that country’s interactions, falling back to the global order for the rest', async () => {
      const model = await new PopularityTrainer().fit(InteractionData.fromSequences(sequences), { countrySmoothing: 0.5 });
      expect(model.recommend({ history: [], k: 3, country: 'ES' }).map((r) => r.item)).toEqual(['local', 'hit', 'z']);
      expect(model.recommend({ history: [], k: 1, country: 'DE' })[0]!.item).toBe('hit');
      // An unknown country gets the global ranking.
      expect(model.recommend({ history: [], k: 1, country: 'JP' })[0]!.item).toBe('hit');
    });
  });

  it('never recommends the history or excluded items, and gives no explanation', async () => {
    const model = await new PopularityTrainer().fit(InteractionData.fromSequences(sequences), { countrySmoothing: 0.5 });
    const recs = model.recommend({ history: ['hit'], k: 3, exclude: ['local'] });
    expect(recs.map((r) => r.item)).not.toContain('hit');
    expect(recs.map((r) => r.item)).not.toContain('local');
    expect(recs.every((r) => r.because === undefined)).toBe(true);
  });
});
