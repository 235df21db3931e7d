import { InteractionData, InteractionDataError, splitLastItem } from '../../../recommender';

describe('InteractionData', () => {
  it('gives items dense indices in order of first appearance, catalogue-only items last', () => {
    const data = InteractionData.fromSequences([{ user: 'u1', items: ['b', 'a', 'b'] }, { user: 'u2', items: ['c'] }], { catalogue: [{ id: 'new' }, { id: 'a' }] });
    expect(data.itemIds).toEqual(['b', 'a', 'c', 'new']);
    expect(Array.from(data.sequence(0))).toEqual([0, 1, 0]);
    expect(data.content[3]).toEqual({ id: 'new' });
    expect(data.interactionCount).toBe(4);
  });

  it('orders events by time per user, from every session and channel', () => {
    const data = InteractionData.fromEvents([
      { user: 'u', item: 'late', at: 30 },
      { user: 'u', item: 'early', at: 10, country: 'DE' },
      { user: 'v', item: 'x', at: 5 },
      { user: 'u', item: 'middle', at: 20 },
    ]);
    expect(Array.from(data.sequence(0), (i) => data.itemIds[i])).toEqual(['early', 'middle', 'late']);
    expect(data.countries[data.userCountry[0]!]).toBe('DE');
    expect(data.userCountry[1]).toBe(-1);
  });

  it('refuses a user given twice, and events without a valid time', () => {
    expect(() => InteractionData.fromSequences([{ user: 'u', items: ['a'] }, { user: 'u', items: ['b'] }])).toThrow(InteractionDataError);
    expect(() => InteractionData.fromEvents([{ user: 'u', item: 'a', at: Number.NaN }])).toThrow(/valid time/);
  });

  describe('splitLastItem', () => {
    it('holds out each user’s last item and keeps the item index', () => {
      const data = InteractionData.fromSequences([{ user: 'u1', items: ['a', 'b', 'c'] }, { user: 'u2', items: ['d'] }, { user: 'u3', items: [] }]);
      const { train, targets } = splitLastItem(data);
      expect(Array.from(targets)).toEqual([data.indexOf('c'), data.indexOf('d'), -1]);
      expect(Array.from(train.sequence(0), (i) => train.itemIds[i])).toEqual(['a', 'b']);
      expect(train.sequence(1)).toHaveLength(0);
      expect(train.itemIds).toBe(data.itemIds);
    });
  });
});
