import { reciprocalRankFusion, RRF_K } from '../../../knowledge/retrieval/rank-fusion';

describe('reciprocalRankFusion', () => {
  it('sums 1 / (k + rank) over the rankings, ranks counted from 1', () => {
    const fused = reciprocalRankFusion([['a', 'b'], ['b', 'c']]);
    expect(fused.map((item) => item.key)).toEqual(['b', 'a', 'c']);
    expect(fused[0]!.score).toBeCloseTo(1 / 62 + 1 / 61, 12);
    expect(fused[1]!.score).toBeCloseTo(1 / 61, 12);
  });

  it('uses k = 60 by default', () => {
    expect(RRF_K).toBe(60);
    expect(reciprocalRankFusion([['x']])[0]!.score).toBeCloseTo(1 / 61, 12);
  });

  it('lets agreement of two rankings beat one ranking\'s first place', () => {
    const fused = reciprocalRankFusion([['solo', 'shared'], ['other', 'shared']]);
    expect(fused[0]!.key).toBe('shared');
  });

  it('keeps first-met order for equal sums', () => {
    expect(reciprocalRankFusion([['a', 'b'], ['b', 'a']]).map((item) => item.key)).toEqual(['a', 'b']);
  });

  it('takes another k', () => {
    expect(reciprocalRankFusion([['x']], 0)[0]!.score).toBe(1);
  });
});
