import {
  decisionScores,
  mulberry32,
  toCsr,
  trainLinearSvm,
  TrainingCancelledError,
  type LinearModelWeights,
} from '../../../nlu/intents/linear-svm';
import type { SparseVector } from '../../../nlu/intents/tfidf-vectorizer';

/** A sparse row from (index, value) pairs. */
function row(...pairs: Array<[number, number]>): SparseVector {
  const sorted = [...pairs].sort(([a], [b]) => a - b);
  return { indices: Int32Array.from(sorted, ([i]) => i), values: Float32Array.from(sorted, ([, v]) => v) };
}

/**
 * Linearly separable toy data: `classes` classes over `dimension` features; each row has a strong feature of its
 * class (index = class) plus small random noise on the other features.
 */
function separableData(classes: number, perClass: number, dimension: number, seed = 7): { rows: SparseVector[]; labels: Int32Array } {
  const random = mulberry32(seed);
  const rows: SparseVector[] = [];
  const labels: number[] = [];
  for (let i = 0; i < perClass; i++) {
    for (let cls = 0; cls < classes; cls++) {
      const pairs: Array<[number, number]> = [[cls, 0.8 + 0.4 * random()]];
      for (let j = classes; j < dimension; j++) if (random() < 0.3) pairs.push([j, 0.3 * random()]);
      rows.push(row(...pairs));
      labels.push(cls);
    }
  }
  return { rows, labels: Int32Array.from(labels) };
}

function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

function predictAll(model: LinearModelWeights, rows: readonly SparseVector[]): number[] {
  return rows.map((r) => argmax(decisionScores(model, r)));
}

describe('trainLinearSvm', () => {
  describe('on linearly separable data', () => {
    it('classifies every training row correctly', () => {
      const { rows, labels } = separableData(4, 10, 12);
      const model = trainLinearSvm(rows, labels, 4, 12);
      expect(model).toMatchObject({ classes: 4, dimension: 12 });
      expect(model.weights).toHaveLength(48);
      expect(model.bias).toHaveLength(4);
      expect(predictAll(model, rows)).toEqual(Array.from(labels));
    });

    it('puts each one-vs-rest model on the right side of zero for every row', () => {
      const { rows, labels } = separableData(3, 8, 9);
      const model = trainLinearSvm(rows, labels, 3, 9);
      rows.forEach((r, i) => {
        const scores = decisionScores(model, r);
        for (let cls = 0; cls < 3; cls++) {
          if (labels[i] === cls) expect(scores[cls]!).toBeGreaterThan(0);
          else expect(scores[cls]!).toBeLessThan(0);
        }
      });
    });

    it('generalises to new rows of the same shape', () => {
      const train = separableData(4, 10, 12, 1);
      const test = separableData(4, 5, 12, 2);
      const model = trainLinearSvm(train.rows, train.labels, 4, 12);
      expect(predictAll(model, test.rows)).toEqual(Array.from(test.labels));
    });
  });

  describe('on a one-feature problem with a known optimum', () => {
    // x = +1 for class 0, x = -1 for class 1. The L2-loss SVM minimises 0.5 (w² + b²) + C Σ max(0, 1 - y(wx + b))²;
    // by symmetry b = 0 and 0.5 w² + 2C (1 - w)² is smallest at w = 4C / (1 + 4C).
    it.each([
      [1, 0.8],
      [0.25, 0.5],
    ])('reaches w = 4C / (1 + 4C) with C = %p', (c, expected) => {
      const rows = [row([0, 1]), row([0, -1])];
      const model = trainLinearSvm(rows, Int32Array.from([0, 1]), 2, 1, { c, tolerance: 1e-8, maxPasses: 10_000 });
      expect(model.weights[0]).toBeCloseTo(expected, 4);
      expect(model.weights[1]).toBeCloseTo(-expected, 4);
      expect(model.bias[0]).toBeCloseTo(0, 4);
      expect(model.bias[1]).toBeCloseTo(0, 4);
    });
  });

  it('is reproducible: the same data and seed give the same weights', () => {
    const { rows, labels } = separableData(3, 10, 10);
    const a = trainLinearSvm(rows, labels, 3, 10, { seed: 5 });
    const b = trainLinearSvm(rows, labels, 3, 10, { seed: 5 });
    expect(Array.from(b.weights)).toEqual(Array.from(a.weights));
    expect(Array.from(b.bias)).toEqual(Array.from(a.bias));
  });

  it('leaves the weights of features no training row has at zero', () => {
    const { rows, labels } = separableData(2, 6, 4);
    const model = trainLinearSvm(rows, labels, 2, 6);
    for (let cls = 0; cls < 2; cls++) {
      expect(model.weights[cls * 6 + 4]).toBe(0);
      expect(model.weights[cls * 6 + 5]).toBe(0);
    }
  });

  describe('progress and cancellation', () => {
    it('reports each trained class', () => {
      const { rows, labels } = separableData(3, 4, 6);
      const calls: Array<[number, number]> = [];
      trainLinearSvm(rows, labels, 3, 6, { onClassTrained: (done, total) => void calls.push([done, total]) });
      expect(calls).toEqual([
        [1, 3],
        [2, 3],
        [3, 3],
      ]);
    });

    it('throws TrainingCancelledError and stops when onClassTrained returns false', () => {
      const { rows, labels } = separableData(4, 4, 8);
      let calls = 0;
      const train = (): LinearModelWeights =>
        trainLinearSvm(rows, labels, 4, 8, {
          onClassTrained: (done) => {
            calls++;
            return done < 2;
          },
        });
      expect(train).toThrow(TrainingCancelledError);
      expect(calls).toBe(2);
    });

    it('gives the cancellation error a name and a message', () => {
      const error = new TrainingCancelledError();
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe('TrainingCancelledError');
      expect(error.message).toBe('Training was cancelled');
    });
  });
});

describe('decisionScores', () => {
  it('adds each class bias to the dot product of its weight row with the sparse row', () => {
    const model: LinearModelWeights = {
      classes: 2,
      dimension: 3,
      weights: Float32Array.from([1, 2, 3, -1, 0.5, 0]),
      bias: Float32Array.from([0.5, -0.25]),
    };
    const scores = decisionScores(model, row([0, 2], [2, 1]));
    expect(Array.from(scores)).toEqual([0.5 + 2 + 3, -0.25 - 2]);
  });

  it('gives just the biases for an empty row', () => {
    const model: LinearModelWeights = { classes: 2, dimension: 1, weights: Float32Array.from([3, 4]), bias: Float32Array.from([1, 2]) };
    expect(Array.from(decisionScores(model, row()))).toEqual([1, 2]);
  });
});

describe('toCsr', () => {
  it('packs rows one after the other with row pointers', () => {
    const matrix = toCsr([row([1, 0.5], [3, 2]), row(), row([0, 1])]);
    expect(Array.from(matrix.indptr)).toEqual([0, 2, 2, 3]);
    expect(Array.from(matrix.indices)).toEqual([1, 3, 0]);
    expect(Array.from(matrix.values)).toEqual([0.5, 2, 1]);
  });

  it('uses shared memory when asked, for worker threads', () => {
    const matrix = toCsr([row([0, 1])], true);
    expect(matrix.indices.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(matrix.values.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(toCsr([row([0, 1])]).indices.buffer).toBeInstanceOf(ArrayBuffer);
  });
});

describe('mulberry32', () => {
  it('repeats its sequence for a seed, differs across seeds and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(first);
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(first);
    for (const value of first) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });
});
