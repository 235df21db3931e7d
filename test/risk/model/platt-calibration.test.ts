import { calibrate, fitPlatt } from '../../../risk/model/platt-calibration';
import { seededRandom } from '../../../risk/evaluation/seeded-random';

describe('Platt calibration', () => {
  it('recovers the slope and offset that generated the labels', () => {
    const random = seededRandom(3);
    const margins: number[] = [];
    const labels: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const m = random() * 8 - 4;
      margins.push(m);
      labels.push(random() < calibrate({ a: 0.5, b: -1 }, m) ? 1 : 0);
    }
    const fitted = fitPlatt(margins, labels);
    expect(fitted.a).toBeCloseTo(0.5, 1);
    expect(fitted.b).toBeCloseTo(-1, 1);
  });

  it('makes over-confident margins honest: predicted rates match observed rates', () => {
    const random = seededRandom(4);
    const margins: number[] = [];
    const labels: number[] = [];
    for (let i = 0; i < 10_000; i++) {
      const truth = random() * 4 - 2;
      margins.push(truth * 3); // a model three times too sure of itself
      labels.push(random() < calibrate({ a: 1, b: 0 }, truth) ? 1 : 0);
    }
    const fitted = fitPlatt(margins, labels);
    const high = margins.map((m, i) => [calibrate(fitted, m), labels[i]!] as const).filter(([p]) => p > 0.8);
    const observed = high.filter(([, l]) => l === 1).length / high.length;
    const predicted = high.reduce((s, [p]) => s + p, 0) / high.length;
    expect(Math.abs(observed - predicted)).toBeLessThan(0.03);
  });

  it('refuses labels of one class', () => {
    expect(() => fitPlatt([1, 2], [1, 1])).toThrow(RangeError);
  });

  it('stays finite for extreme margins', () => {
    expect(calibrate({ a: 1, b: 0 }, 1000)).toBe(1);
    expect(calibrate({ a: 1, b: 0 }, -1000)).toBe(0);
  });
});
