/**
 * The small dense kernels the latent-factor model needs per shopper, on row-major typed arrays: dot products,
 * one shopper against all items, Cholesky factorisation and solves of f x f systems (f = the factor count,
 * 32-256), and a Gram matrix in float64. Hand-written because they serve one request synchronously, where a call
 * into a native library costs more than the work (the large products go through matrix-product.ts), and the
 * maintained JavaScript matrix libraries (ml-matrix, mathjs) work on arrays of arrays, slower than these loops.
 * `npm run rec:eval` prints their time (`kernels`).
 */

/** `out = Y^T Y` for `rows` rows of `f` factors (row-major), as a dense f x f matrix. */
export function gram(y: Float32Array, rows: number, f: number, out: Float64Array = new Float64Array(f * f)): Float64Array {
  out.fill(0);
  for (let r = 0; r < rows; r++) {
    const base = r * f;
    for (let a = 0; a < f; a++) {
      const ya = y[base + a]!;
      if (ya === 0) continue;
      const row = a * f;
      for (let b = a; b < f; b++) out[row + b]! += ya * y[base + b]!;
    }
  }
  for (let a = 0; a < f; a++) for (let b = 0; b < a; b++) out[a * f + b] = out[b * f + a]!;
  return out;
}

/**
 * In-place Cholesky factorisation of the symmetric positive-definite `a` (n x n): afterwards the lower triangle
 * holds L with `a = L L^T`. Returns false when `a` is not positive definite.
 */
export function cholesky(a: Float64Array, n: number): boolean {
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j]!;
    for (let k = 0; k < j; k++) d -= a[j * n + k]! * a[j * n + k]!;
    if (!(d > 0)) return false;
    const root = Math.sqrt(d);
    a[j * n + j] = root;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= a[i * n + k]! * a[j * n + k]!;
      a[i * n + j] = s / root;
    }
  }
  return true;
}

/** Solves `L L^T x = b` in place in `b`, with `l` from {@link cholesky}. */
export function choleskySolve(l: Float64Array, n: number, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * b[k]!;
    b[i] = s / l[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * b[k]!;
    b[i] = s / l[i * n + i]!;
  }
}

/** Dot product of `f` values of `a` from `ai` with `b` from `bi` (four accumulators: about 1.6x a plain loop in V8). */
export function dot(a: Float32Array | Float64Array, ai: number, b: Float32Array | Float64Array, bi: number, f: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let x = 0;
  for (; x + 3 < f; x += 4) {
    s0 += a[ai + x]! * b[bi + x]!;
    s1 += a[ai + x + 1]! * b[bi + x + 1]!;
    s2 += a[ai + x + 2]! * b[bi + x + 2]!;
    s3 += a[ai + x + 3]! * b[bi + x + 3]!;
  }
  for (; x < f; x++) s0 += a[ai + x]! * b[bi + x]!;
  return s0 + s1 + s2 + s3;
}

/**
 * `out[j] = Y[j] . x` for every row j of Y (rows x f): one shopper against every item. Eight accumulators and
 * monomorphic arrays: 1.1 ms for 12,101 x 64 on this machine's 2 cores, against 1.6 ms through {@link dot}.
 */
export function multiplyRows(y: Float32Array, rows: number, f: number, x: Float64Array, out: Float32Array): void {
  const tail = f - (f % 8);
  for (let j = 0; j < rows; j++) {
    const b = j * f;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let s5 = 0;
    let s6 = 0;
    let s7 = 0;
    for (let a = 0; a < tail; a += 8) {
      s0 += y[b + a]! * x[a]!;
      s1 += y[b + a + 1]! * x[a + 1]!;
      s2 += y[b + a + 2]! * x[a + 2]!;
      s3 += y[b + a + 3]! * x[a + 3]!;
      s4 += y[b + a + 4]! * x[a + 4]!;
      s5 += y[b + a + 5]! * x[a + 5]!;
      s6 += y[b + a + 6]! * x[a + 6]!;
      s7 += y[b + a + 7]! * x[a + 7]!;
    }
    for (let a = tail; a < f; a++) s0 += y[b + a]! * x[a]!;
    out[j] = s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7;
  }
}

/** A small deterministic PRNG (mulberry32) for reproducible initialisation and sampling. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
