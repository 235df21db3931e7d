import { averagePrecision, recallAtFpr, rocAuc } from '../../../risk';

describe('ranking metrics', () => {
  it('ROC-AUC is 1 for a perfect ranking, 0.5 for all ties, and counts ties half', () => {
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0])).toBe(1);
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [1, 0, 1, 0])).toBe(0.5);
    expect(rocAuc([0.9, 0.5, 0.5, 0.1], [1, 1, 0, 0])).toBe(0.875);
  });

  it('average precision matches scikit-learn on a small case', () => {
    // sklearn.metrics.average_precision_score([1, 0, 1, 0], [0.9, 0.8, 0.7, 0.1]) == 0.8333...
    expect(averagePrecision([0.9, 0.8, 0.7, 0.1], [1, 0, 1, 0])).toBeCloseTo(0.8333, 4);
  });

  it('recall at a false-positive budget stops where the budget would be exceeded', () => {
    const labels = [1, 1, 0, 1, ...new Array<number>(99).fill(0)];
    const scores = [0.99, 0.98, 0.97, 0.5, ...new Array<number>(99).fill(0.1)];
    expect(recallAtFpr(scores, labels, 0.01)).toBe(1);
    expect(recallAtFpr(scores, labels, 0)).toBeCloseTo(2 / 3, 6);
  });

  it('recall at a false-positive budget flags tied scores together or not at all', () => {
    // A fraud tied with two legitimate orders at 0.9: flagging it would flag both, 2% of 100 negatives.
    const labels = [1, 1, 0, 0, ...new Array<number>(98).fill(0)];
    const scores = [0.99, 0.9, 0.9, 0.9, ...new Array<number>(98).fill(0.1)];
    expect(recallAtFpr(scores, labels, 0.01)).toBe(0.5);
    expect(recallAtFpr(scores, labels, 0.02)).toBe(1);
  });

  it('refuses a single class', () => {
    expect(() => rocAuc([1, 2], [0, 0])).toThrow(RangeError);
  });
});
