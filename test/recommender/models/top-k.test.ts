import { rankOf, topK } from '../../../recommender';

describe('topK and rankOf', () => {
  const scores = Float32Array.of(0.5, 2, 2, -1, 7, 0.5);

  it('returns the best items first, ties to the lower index, skipping excluded ones', () => {
    expect(Array.from(topK(scores, 4).items)).toEqual([4, 1, 2, 0]);
    expect(Array.from(topK(scores, 3, Uint8Array.of(0, 0, 0, 0, 1, 0)).items)).toEqual([1, 2, 0]);
    expect(topK(scores, 10).items).toHaveLength(6);
  });

  it('ranks a target exactly where topK puts it', () => {
    const excluded = Uint8Array.of(0, 1, 0, 0, 0, 0);
    const order = Array.from(topK(scores, 6, excluded).items);
    for (const target of [0, 2, 3, 4, 5]) expect(rankOf(scores, target, excluded)).toBe(order.indexOf(target));
  });

  it('gives the same rank from the list of excluded items (repeats included) as from the mask alone', () => {
    const excluded = Uint8Array.of(0, 1, 0, 0, 1, 0);
    for (const target of [0, 2, 3, 5]) {
      expect(rankOf(scores, target, excluded, [4, 1, 4])).toBe(rankOf(scores, target, excluded));
      expect(Array.from(excluded)).toEqual([0, 1, 0, 0, 1, 0]);
    }
    expect(rankOf(Float32Array.of(1, Number.NaN), 1)).toBe(Number.POSITIVE_INFINITY);
  });
});
