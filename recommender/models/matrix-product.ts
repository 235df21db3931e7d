/**
 * Dense float32 matrix products (`C = op(A) op(B)`, row-major) through onnxruntime-node's Gemm, which runs MLAS,
 * the optimised multi-threaded BLAS kernels inside ONNX Runtime (already a dependency of the transformer runtime).
 * The recommender uses it where it scores many shoppers at once (evaluation and tuning: a batch of folded-in
 * shopper vectors times every item's factors), about ten times faster than a JavaScript loop on two cores. When
 * the native runtime cannot load, the same product runs in JavaScript.
 *
 * The ONNX model is one Gemm node, written here as protobuf bytes (a few fields of onnx.proto's ModelProto), so no
 * model file ships with the code.
 */
import type { InferenceSession } from 'onnxruntime-node';
import { dot } from './dense-linear-algebra';

type Bytes = number[];

function varint(value: number): Bytes {
  const out: Bytes = [];
  let v = value;
  do {
    let byte = v % 128;
    v = Math.floor(v / 128);
    if (v > 0) byte |= 0x80;
    out.push(byte);
  } while (v > 0);
  return out;
}
const tag = (field: number, wire: number): Bytes => varint(field * 8 + wire);
const int = (field: number, value: number): Bytes => [...tag(field, 0), ...varint(value)];
const message = (field: number, body: Bytes): Bytes => [...tag(field, 2), ...varint(body.length), ...body];
const text = (field: number, value: string): Bytes => message(field, [...Buffer.from(value, 'utf8')]);

/** onnx.proto: a float tensor input/output with two symbolic dimensions. */
function floatMatrix(name: string, rows: string, cols: string): Bytes {
  const shape = [...message(1, text(2, rows)), ...message(1, text(2, cols))];
  const tensorType = [...int(1, 1 /* FLOAT */), ...message(2, shape)];
  return [...text(1, name), ...message(2, message(1, tensorType))];
}

/** onnx.proto ModelProto of `C = Gemm(A, B, transA, transB)` (opset 13). */
export function gemmModelBytes(transA: boolean, transB: boolean): Uint8Array {
  const attribute = (name: string, value: number): Bytes => message(5, [...text(1, name), ...int(3, value), ...int(20, 2 /* INT */)]);
  const node = [...text(1, 'A'), ...text(1, 'B'), ...text(2, 'C'), ...text(4, 'Gemm'), ...attribute('transA', transA ? 1 : 0), ...attribute('transB', transB ? 1 : 0)];
  const graph = [
    ...message(1, node),
    ...text(2, 'gemm'),
    ...message(11, floatMatrix('A', transA ? 'k' : 'm', transA ? 'm' : 'k')),
    ...message(11, floatMatrix('B', transB ? 'n' : 'k', transB ? 'k' : 'n')),
    ...message(12, floatMatrix('C', 'm', 'n')),
  ];
  return Uint8Array.from([...int(1, 8 /* IR version */), ...message(8, [...text(1, ''), ...int(2, 13)]), ...message(7, graph)]);
}

/** Shapes of one product: `op(A)` is m x k, `op(B)` is k x n. */
export interface ProductShape {
  m: number;
  k: number;
  n: number;
  /** A is stored k x m. */
  transA?: boolean;
  /** B is stored n x k. */
  transB?: boolean;
}

/** The product in JavaScript (the fallback, and the reference the tests compare with). */
export function multiplyInJs(a: Float32Array, b: Float32Array, shape: ProductShape): Float32Array {
  const { m, k, n } = shape;
  const out = new Float32Array(m * n);
  if (shape.transA && shape.transB) throw new Error('multiplyInJs: A^T B^T is not needed here');
  if (shape.transB) {
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[i * n + j] = dot(a, i * k, b, j * k, k);
    return out;
  }
  // Row i of the result accumulates rows of B, scaled (contiguous inner loops).
  const row = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    row.fill(0);
    for (let p = 0; p < k; p++) {
      const x = shape.transA ? a[p * m + i]! : a[i * k + p]!;
      if (x === 0) continue;
      const base = p * n;
      for (let j = 0; j < n; j++) row[j]! += x * b[base + j]!;
    }
    for (let j = 0; j < n; j++) out[i * n + j] = row[j]!;
  }
  return out;
}

/** Multiply-adds below which a product runs in JavaScript. */
export const NATIVE_MIN_WORK = 2_000_000;

/** See the file comment. One instance keeps its sessions; create it where the products happen. */
export class MatrixProduct {
  private readonly sessions = new Map<string, Promise<InferenceSession | null>>();
  /** Whether the last product ran natively (false after a fallback). */
  native = false;
  /** Why the native runtime could not be used, when it could not. */
  fallbackReason?: string;

  /** `op(A) op(B)` as a new m x n row-major array. */
  async multiply(a: Float32Array, b: Float32Array, shape: ProductShape): Promise<Float32Array> {
    // A native call costs a thread hand-off (0.1-1 ms); below this much work JavaScript is done sooner.
    if (shape.m * shape.k * shape.n < NATIVE_MIN_WORK) return multiplyInJs(a, b, shape);
    const session = await this.session(Boolean(shape.transA), Boolean(shape.transB));
    if (session) {
      try {
        const result = await this.run(session, a, b, shape);
        this.native = true;
        return result;
      } catch (error) {
        // Seen when the native binding and its JavaScript wrapper live in different realms (a test sandbox).
        this.fallbackReason = (error as Error).message;
        this.sessions.set(`${Boolean(shape.transA)}${Boolean(shape.transB)}`, Promise.resolve(null));
      }
    }
    this.native = false;
    return multiplyInJs(a, b, shape);
  }

  private async run(session: InferenceSession, a: Float32Array, b: Float32Array, shape: ProductShape): Promise<Float32Array> {
    const ort = await import('onnxruntime-node');
    const { m, k, n } = shape;
    const A = new ort.Tensor('float32', a.length === m * k ? a : a.subarray(0, m * k), shape.transA ? [k, m] : [m, k]);
    const B = new ort.Tensor('float32', b.length === k * n ? b : b.subarray(0, k * n), shape.transB ? [n, k] : [k, n]);
    const result = await session.run({ A, B });
    return result['C']!.data as Float32Array;
  }

  private session(transA: boolean, transB: boolean): Promise<InferenceSession | null> {
    const key = `${transA}${transB}`;
    let session = this.sessions.get(key);
    if (!session) {
      session = import('onnxruntime-node')
        .then((ort) => ort.InferenceSession.create(gemmModelBytes(transA, transB), { graphOptimizationLevel: 'all' }))
        // No native runtime on this platform: the JavaScript product is correct, only slower.
        .catch((error: unknown) => {
          this.fallbackReason = (error as Error).message;
          return null;
        });
      this.sessions.set(key, session);
    }
    return session;
  }
}
