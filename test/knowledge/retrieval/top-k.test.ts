import { topK } from '../../../knowledge/retrieval/top-k';

describe('topK', () => {
  const descending = (a: number, b: number) => b - a;

  it('gives the k first items in order, as a full sort would', () => {
    const values = Array.from({ length: 500 }, (_, i) => (i * 7919) % 1009);
    expect(topK(values, 10, descending)).toEqual([...values].sort(descending).slice(0, 10));
  });

  it('gives every item when there are fewer than k', () => {
    expect(topK([2, 9, 4], 10, descending)).toEqual([9, 4, 2]);
  });

  it('gives nothing for k = 0', () => {
    expect(topK([1, 2], 0, descending)).toEqual([]);
  });

  it('follows the comparator for ties', () => {
    const items = [{ id: 'b', score: 1 }, { id: 'a', score: 1 }, { id: 'c', score: 2 }];
    expect(topK(items, 2, (x, y) => y.score - x.score || x.id.localeCompare(y.id)).map((item) => item.id)).toEqual(['c', 'a']);
  });
});
