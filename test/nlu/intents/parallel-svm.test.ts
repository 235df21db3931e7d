import { decisionScores, trainLinearSvm, TrainingCancelledError } from '../../../nlu/intents/linear-svm';
import { trainLinearSvmParallel } from '../../../nlu/intents/parallel-svm';
import { TfidfVectorizer, type SparseVector } from '../../../nlu/intents/tfidf-vectorizer';

/** A small text classification problem vectorised with the real features. */
const TEXTS: Array<[string, number]> = [
  ['where is my order', 0],
  ['my order has not arrived', 0],
  ['track my package', 0],
  ['when will my parcel arrive', 0],
  ['order status please', 0],
  ['cancel my order', 1],
  ['I want to cancel the purchase', 1],
  ['please cancel it', 1],
  ['stop my order, cancel', 1],
  ['cancel order now', 1],
  ['hello', 2],
  ['hi there', 2],
  ['good morning', 2],
  ['hey', 2],
  ['hello, anyone there?', 2],
  ['how do I pay', 3],
  ['can I pay with paypal', 3],
  ['which payment methods do you accept', 3],
  ['do you take credit cards', 3],
  ['pay by bank transfer', 3],
  ['what is the weather', 4],
  ['tell me a joke', 4],
  ['who won the match', 4],
  ['recipe for pancakes', 4],
  ['asdfgh', 4],
];

function problem(): { rows: SparseVector[]; labels: Int32Array; dimension: number } {
  const vectorizer = TfidfVectorizer.fit(TEXTS.map(([text]) => text));
  return { rows: TEXTS.map(([text]) => vectorizer.transform(text)), labels: Int32Array.from(TEXTS, ([, label]) => label), dimension: vectorizer.dimension };
}

describe('trainLinearSvmParallel', () => {
  const { rows, labels, dimension } = problem();
  const single = trainLinearSvm(rows, labels, 5, dimension);

  describe.each([1, 2, 3, 8])('with %p threads', (threads) => {
    it('gives the weights and biases of single-thread training', async () => {
      const parallel = await trainLinearSvmParallel(rows, labels, 5, dimension, { threads });
      expect(parallel).toMatchObject({ classes: 5, dimension });
      expect(parallel.weights).toHaveLength(single.weights.length);
      for (let i = 0; i < single.weights.length; i++) expect(parallel.weights[i]).toBeCloseTo(single.weights[i]!, 6);
      for (let cls = 0; cls < 5; cls++) expect(parallel.bias[cls]).toBeCloseTo(single.bias[cls]!, 6);
    });
  });

  it('learns the training texts perfectly with the default thread count', async () => {
    const model = await trainLinearSvmParallel(rows, labels, 5, dimension);
    rows.forEach((r, i) => {
      const scores = decisionScores(model, r);
      expect(scores.indexOf(Math.max(...scores))).toBe(labels[i]);
    });
  });

  it('passes the SVM options on to the workers', async () => {
    const options = { c: 0.1, seed: 3, tolerance: 0.01 };
    const parallel = await trainLinearSvmParallel(rows, labels, 5, dimension, { ...options, threads: 2 });
    const reference = trainLinearSvm(rows, labels, 5, dimension, options);
    for (let i = 0; i < reference.weights.length; i++) expect(parallel.weights[i]).toBeCloseTo(reference.weights[i]!, 6);
    // A smaller C shrinks the weights, so the options really reached the workers.
    const norm = (w: Float32Array): number => Math.hypot(...w);
    expect(norm(parallel.weights)).toBeLessThan(norm(single.weights));
  });

  it('reports every class once, counting up to the number of classes', async () => {
    const calls: Array<[number, number]> = [];
    await trainLinearSvmParallel(rows, labels, 5, dimension, { threads: 2, onClassTrained: (done, total) => void calls.push([done, total]) });
    expect(calls).toEqual([1, 2, 3, 4, 5].map((done) => [done, 5]));
  });

  it('rejects with TrainingCancelledError when onClassTrained returns false', async () => {
    await expect(trainLinearSvmParallel(rows, labels, 5, dimension, { threads: 2, onClassTrained: () => false })).rejects.toBeInstanceOf(
      TrainingCancelledError,
    );
  });

  it('can train again after a cancelled run', async () => {
    await expect(trainLinearSvmParallel(rows, labels, 5, dimension, { threads: 2, onClassTrained: (done) => done < 1 })).rejects.toThrow(
      TrainingCancelledError,
    );
    const model = await trainLinearSvmParallel(rows, labels, 5, dimension, { threads: 2 });
    for (let i = 0; i < single.weights.length; i++) expect(model.weights[i]).toBeCloseTo(single.weights[i]!, 6);
    for (let cls = 0; cls < 5; cls++) expect(model.bias[cls]).toBeCloseTo(single.bias[cls]!, 6);
  });
});
