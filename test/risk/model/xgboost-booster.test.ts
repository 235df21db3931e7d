import { DenseMatrix, XgboostBooster } from '../../../risk/model/xgboost-booster';
import { XgboostCallError, findXgboostLibrary, XgboostUnavailableError } from '../../../risk/model/xgboost-library';
import { seededRandom } from '../../../risk/evaluation/seeded-random';

/** 2 columns; the label is 1 exactly when column 0 > 0.5 (column 1 is noise). */
function planted(rows: number, seed: number) {
  const random = seededRandom(seed);
  const values = new Float32Array(rows * 2);
  const labels: number[] = [];
  for (let i = 0; i < rows; i++) {
    values[i * 2] = random();
    values[i * 2 + 1] = random();
    labels.push(values[i * 2]! > 0.5 ? 1 : 0);
  }
  return { data: { values, rows, columns: 2 }, labels };
}

describe('XgboostBooster', () => {
  it('learns a planted split, explains it with SHAP contributions, and survives a save/load round trip', () => {
    const { data, labels } = planted(400, 1);
    const train = DenseMatrix.create(data, labels);
    const booster = XgboostBooster.create([train], { objective: 'binary:logistic', max_depth: 2, eta: 0.3, nthread: 1, seed: 1 });
    for (let round = 0; round < 20; round++) booster.updateOneIteration(round, train);
    expect(booster.rounds).toBe(20);

    const test = planted(50, 2);
    const matrix = DenseMatrix.create(test.data);
    const margins = booster.predictMargins(matrix);
    const correct = Array.from(margins).filter((m, i) => (m > 0 ? 1 : 0) === test.labels[i]).length;
    expect(correct).toBeGreaterThanOrEqual(48);

    const contributions = booster.contributions(matrix);
    expect(contributions).toHaveLength(50 * 3);
    for (let i = 0; i < 50; i++) {
      const [c0, c1, bias] = [contributions[i * 3]!, contributions[i * 3 + 1]!, contributions[i * 3 + 2]!];
      expect(c0 + c1 + bias).toBeCloseTo(margins[i]!, 4);
      expect(Math.abs(c0)).toBeGreaterThan(Math.abs(c1));
    }

    const loaded = XgboostBooster.load(booster.save(), { nthread: 1 });
    expect(Array.from(loaded.predictMargins(matrix))).toEqual(Array.from(margins));
    expect(Array.from(booster.slice(5).predictMargins(matrix))).toEqual(Array.from(booster.predictMargins(matrix, 5)));
    for (const handle of [loaded, booster, matrix, train]) handle.dispose();
  });

  it('treats NaN as missing', () => {
    const matrix = DenseMatrix.create({ values: Float32Array.from([Number.NaN, 1]), rows: 1, columns: 2 });
    expect(matrix.rows).toBe(1);
    matrix.dispose();
  });

  it("reports XGBoost's own error for a buffer that is no model", () => {
    expect(() => XgboostBooster.load(Buffer.from('not a model'))).toThrow(XgboostCallError);
  });

  it('says how to install the library when a given path does not exist', () => {
    expect(() => findXgboostLibrary('/nowhere/libxgboost.so')).toThrow(XgboostUnavailableError);
    expect(findXgboostLibrary()).toMatch(/libxgboost\.so/);
  });
});
