import { chooseThreshold, fitTemperature, softmax, type ScoredExample, type ThresholdCandidate } from '../../../nlu/intents/calibration';
import { mulberry32 } from '../../../nlu/intents/linear-svm';

describe('softmax', () => {
  it('gives exp(s / T) normalised to sum 1', () => {
    const p = softmax([1, 2, 3], 1);
    const e = [Math.exp(1), Math.exp(2), Math.exp(3)];
    const sum = e[0]! + e[1]! + e[2]!;
    expect(p[0]).toBeCloseTo(e[0]! / sum, 12);
    expect(p[1]).toBeCloseTo(e[1]! / sum, 12);
    expect(p[2]).toBeCloseTo(e[2]! / sum, 12);
  });

  it('divides the scores by the temperature: lower is sharper, higher is flatter', () => {
    const scores = [0.5, 1.5];
    expect(softmax(scores, 0.5)[1]).toBeCloseTo(softmax([1, 3], 1)[1]!, 12);
    expect(softmax(scores, 0.1)[1]!).toBeGreaterThan(softmax(scores, 1)[1]!);
    expect(softmax(scores, 10)[1]!).toBeLessThan(softmax(scores, 1)[1]!);
    expect(softmax(scores, 1e6)[1]).toBeCloseTo(0.5, 5);
  });

  it('does not overflow on large scores', () => {
    const p = softmax([1000, 1001, 999], 0.01);
    expect(Array.from(p).every(Number.isFinite)).toBe(true);
    expect(p[1]).toBeCloseTo(1, 10);
  });

  it('writes into the given buffer and returns it', () => {
    const out = new Float64Array(2);
    expect(softmax([0, 0], 1, out)).toBe(out);
    expect(Array.from(out)).toEqual([0.5, 0.5]);
  });
});

/** Draws an index from a probability vector. */
function sample(probabilities: Float64Array, random: () => number): number {
  let r = random();
  for (let i = 0; i < probabilities.length; i++) {
    r -= probabilities[i]!;
    if (r < 0) return i;
  }
  return probabilities.length - 1;
}

/**
 * Synthetic held-out scores whose labels really follow softmax(scores / trueTemperature): a perfect fit recovers
 * trueTemperature.
 */
function syntheticScores(trueTemperature: number, count: number, classes: number, seed: number): ScoredExample[] {
  const random = mulberry32(seed);
  return Array.from({ length: count }, () => {
    const scores = Float64Array.from({ length: classes }, () => 2 * random() - 1);
    return { scores, label: sample(softmax(scores, trueTemperature), random) };
  });
}

describe('fitTemperature', () => {
  it.each([0.1, 0.3, 1])('recovers the temperature that generated the labels (%p)', (trueTemperature) => {
    const fitted = fitTemperature(syntheticScores(trueTemperature, 2000, 5, 11));
    expect(fitted).toBeGreaterThan(trueTemperature * 0.85);
    expect(fitted).toBeLessThan(trueTemperature * 1.15);
  });

  it('gives 1 without examples', () => {
    expect(fitTemperature([])).toBe(1);
  });

  it('sharpens until the right class gets all the probability when the best score is always right', () => {
    const examples: ScoredExample[] = Array.from({ length: 50 }, (_, i) => {
      const label = i % 3;
      const scores = Float64Array.from([-1, -1, -1]);
      scores[label] = 1;
      return { scores, label };
    });
    const fitted = fitTemperature(examples);
    expect(fitted).toBeGreaterThanOrEqual(0.005);
    // Below about 0.05 the likelihood is exactly 1 in double precision, so any temperature there is a maximum.
    expect(fitted).toBeLessThan(0.1);
    expect(softmax(examples[0]!.scores, fitted)[0]).toBeGreaterThan(1 - 1e-6);
  });

  it('flattens to the high end of its range when the scores say nothing about the labels', () => {
    const examples: ScoredExample[] = [];
    for (let label = 0; label < 3; label++) {
      for (let best = 0; best < 3; best++) {
        const scores = Float64Array.from([0, 0, 0]);
        scores[best] = 1;
        examples.push({ scores, label });
      }
    }
    const fitted = fitTemperature(examples);
    expect(fitted).toBeGreaterThan(15);
    expect(fitted).toBeLessThanOrEqual(20);
  });
});

describe('chooseThreshold', () => {
  const OOS = 2;
  // In scope: three right (0.9, 0.8, 0.4), one wrong (0.5). Out of scope: predicted 0 at 0.6, 1 at 0.3, and
  // out_of_scope itself at 0.7.
  //   threshold just above | in-scope accuracy | out-of-scope recall
  //   0                    | 3/4               | 1/3
  //   0.3                  | 3/4               | 2/3
  //   0.4, 0.5             | 2/4               | 2/3
  //   0.6, 0.7             | 2/4               | 3/3
  //   0.8                  | 1/4               | 3/3
  //   0.9                  | 0                 | 3/3
  const candidates: ThresholdCandidate[] = [
    { predicted: 0, confidence: 0.9, label: 0 },
    { predicted: 1, confidence: 0.8, label: 1 },
    { predicted: 0, confidence: 0.5, label: 1 },
    { predicted: 1, confidence: 0.4, label: 1 },
    { predicted: 0, confidence: 0.6, label: OOS },
    { predicted: 1, confidence: 0.3, label: OOS },
    { predicted: OOS, confidence: 0.7, label: OOS },
  ];

  describe('when out-of-scope traffic is not expected (share 0)', () => {
    it('keeps the threshold at the bottom, maximising in-scope accuracy', () => {
      const choice = chooseThreshold(candidates, OOS, 0);
      expect(choice.threshold).toBeCloseTo(0, 6);
      expect(choice.accuracy).toBe(0.75);
      expect(choice.outOfScopeRecall).toBeCloseTo(1 / 3, 12);
    });
  });

  describe('when a little out-of-scope traffic is expected (share 0.1)', () => {
    it('rejects only what costs no in-scope accuracy', () => {
      const choice = chooseThreshold(candidates, OOS, 0.1);
      expect(choice.threshold).toBeGreaterThan(0.3);
      expect(choice.threshold).toBeLessThan(0.3 + 1e-6);
      expect(choice.accuracy).toBe(0.75);
      expect(choice.outOfScopeRecall).toBeCloseTo(2 / 3, 12);
    });
  });

  describe('when half the traffic is out of scope (share 0.5)', () => {
    it('gives up in-scope accuracy for full out-of-scope recall, at the lowest threshold that reaches it', () => {
      const choice = chooseThreshold(candidates, OOS, 0.5);
      expect(choice.threshold).toBeGreaterThan(0.6);
      expect(choice.threshold).toBeLessThan(0.6 + 1e-6);
      expect(choice).toMatchObject({ accuracy: 0.5, outOfScopeRecall: 1 });
    });
  });

  describe('when only out-of-scope recall counts (share 1)', () => {
    it('takes the lowest threshold with full recall', () => {
      const choice = chooseThreshold(candidates, OOS, 1);
      expect(choice.threshold).toBeCloseTo(0.6, 6);
      expect(choice.outOfScopeRecall).toBe(1);
    });
  });

  describe('when there are no out-of-scope examples', () => {
    it('chooses threshold 0 and reports accuracy only', () => {
      const inScope = candidates.filter((c) => c.label !== OOS);
      expect(chooseThreshold(inScope, OOS, 0.5)).toEqual({ threshold: 0, accuracy: 0.75 });
    });

    it('chooses threshold 0 when the model has no out-of-scope class at all', () => {
      expect(chooseThreshold(candidates.slice(0, 4), -1, 0.1)).toEqual({ threshold: 0, accuracy: 0.75 });
    });
  });

  it('gives accuracy 0 when nothing is in scope', () => {
    const choice = chooseThreshold(candidates.filter((c) => c.label === OOS), OOS, 0.1);
    expect(choice.accuracy).toBe(0);
    expect(choice.outOfScopeRecall).toBe(1);
  });

  it('still finds a good threshold on many distinct confidences', () => {
    // 1000 in-scope examples right at confidences 0.5..1 and 1000 out-of-scope ones at 0..0.4.
    const many: ThresholdCandidate[] = [];
    for (let i = 0; i < 1000; i++) many.push({ predicted: 0, confidence: 0.5 + i / 2000, label: 0 });
    for (let i = 0; i < 1000; i++) many.push({ predicted: 0, confidence: (0.4 * i) / 1000, label: OOS });
    const choice = chooseThreshold(many, OOS, 0.5);
    expect(choice.accuracy).toBe(1);
    expect(choice.outOfScopeRecall).toBe(1);
    expect(choice.threshold).toBeGreaterThan(0.39);
    expect(choice.threshold).toBeLessThanOrEqual(0.5);
  });
});
