/**
 * Platt scaling: probability = 1 / (1 + exp(-(a * margin + b))), with `a` and `b` fitted by maximum likelihood on
 * held-out margins (Newton's method with Platt's smoothed targets, as in Platt 1999 / Lin, Lin and Weng 2007). It
 * keeps the model's ranking and makes the score mean "probability of fraud" on data like the validation slice.
 */

/** The fitted parameters. */
export interface PlattCalibration {
  a: number;
  b: number;
}

/** The identity on log-odds (for a model whose margins are already calibrated). */
export const IDENTITY_CALIBRATION: Readonly<PlattCalibration> = { a: 1, b: 0 };

/** Calibrated probability of a margin. */
export function calibrate(calibration: PlattCalibration, margin: number): number {
  const z = calibration.a * margin + calibration.b;
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/**
 * Fits Platt scaling on held-out `margins` and their 0/1 `labels`.
 * @throws RangeError when the labels hold only one class (nothing to calibrate against).
 */
export function fitPlatt(margins: ArrayLike<number>, labels: ArrayLike<number>): PlattCalibration {
  const n = margins.length;
  let positives = 0;
  for (let i = 0; i < n; i++) if (labels[i] === 1) positives++;
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) throw new RangeError('Calibration needs held-out examples of both classes');
  const hiTarget = (positives + 1) / (positives + 2);
  const loTarget = 1 / (negatives + 2);
  let a = 1;
  let b = 0;
  const objective = (pa: number, pb: number): number => {
    let f = 0;
    for (let i = 0; i < n; i++) {
      const t = labels[i] === 1 ? hiTarget : loTarget;
      const z = pa * margins[i]! + pb;
      // -[t log p + (1 - t) log(1 - p)] with p = sigmoid(z), written stably.
      f += z >= 0 ? (1 - t) * z + Math.log1p(Math.exp(-z)) : -t * z + Math.log1p(Math.exp(z));
    }
    return f;
  };
  let value = objective(a, b);
  for (let iteration = 0; iteration < 100; iteration++) {
    let g1 = 0;
    let g2 = 0;
    let h11 = 1e-12;
    let h22 = 1e-12;
    let h21 = 0;
    for (let i = 0; i < n; i++) {
      const t = labels[i] === 1 ? hiTarget : loTarget;
      const m = margins[i]!;
      const p = calibrate({ a, b }, m);
      const d = p - t;
      const w = p * (1 - p);
      g1 += m * d;
      g2 += d;
      h11 += m * m * w;
      h22 += w;
      h21 += m * w;
    }
    if (Math.abs(g1) < 1e-7 && Math.abs(g2) < 1e-7) break;
    const det = h11 * h22 - h21 * h21;
    const da = -(h22 * g1 - h21 * g2) / det;
    const db = -(-h21 * g1 + h11 * g2) / det;
    // Backtracking line search keeps every step an improvement.
    let step = 1;
    let improved = false;
    while (step > 1e-10) {
      const next = objective(a + step * da, b + step * db);
      if (next < value - 1e-12 * Math.abs(value)) {
        a += step * da;
        b += step * db;
        value = next;
        improved = true;
        break;
      }
      step /= 2;
    }
    if (!improved) break;
  }
  return { a, b };
}
