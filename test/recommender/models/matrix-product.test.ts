import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { gemmModelBytes, MatrixProduct, multiplyInJs, NATIVE_MIN_WORK } from '../../../recommender/models/matrix-product';
import { random } from '../support/generated-sequences';

const rnd = random(3);
const a = Float32Array.from({ length: 5 * 4 }, () => rnd() - 0.5);
const b = Float32Array.from({ length: 7 * 4 }, () => rnd() - 0.5);

/**
 * Runs the generated Gemm model in ONNX Runtime on a worker thread: Jest's module sandbox gives the native binding
 * and its JavaScript wrapper different typed-array classes, a worker is a plain Node.js realm as in production.
 */
function runNatively(model: Uint8Array, inputs: { a: Float32Array; aDims: number[]; b: Float32Array; bDims: number[] }): Promise<number[]> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const ort = require(workerData.ortPath);
    ort.InferenceSession.create(workerData.model)
      .then((s) => s.run({ A: new ort.Tensor('float32', workerData.a, workerData.aDims), B: new ort.Tensor('float32', workerData.b, workerData.bDims) }))
      .then((r) => parentPort.postMessage(Array.from(r.C.data)), (e) => parentPort.postMessage({ error: e.message }));`;
  const ortPath = createRequire(__filename).resolve('onnxruntime-node');
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { ortPath, model, ...inputs } });
    worker.once('message', (message: number[] | { error: string }) => {
      void worker.terminate();
      if (Array.isArray(message)) resolve(message);
      else reject(new Error(message.error));
    });
    worker.once('error', reject);
  });
}

describe('MatrixProduct', () => {
  it('writes an ONNX Gemm model that ONNX Runtime runs to the JavaScript reference result (A B^T)', async () => {
    const native = await runNatively(gemmModelBytes(false, true), { a, aDims: [5, 4], b, bDims: [7, 4] });
    const reference = multiplyInJs(a, b, { m: 5, k: 4, n: 7, transB: true });
    expect(native).toHaveLength(35);
    native.forEach((x, i) => expect(x).toBeCloseTo(reference[i]!, 5));
  });

  it('and A^T A (the Gram matrix)', async () => {
    const native = await runNatively(gemmModelBytes(true, false), { a, aDims: [5, 4], b: a, bDims: [5, 4] });
    const reference = multiplyInJs(a, a, { m: 4, k: 5, n: 4, transA: true });
    native.forEach((x, i) => expect(x).toBeCloseTo(reference[i]!, 5));
  });

  it('gives the same product whichever way it runs (here: the JavaScript fallback inside the sandbox)', async () => {
    const product = new MatrixProduct();
    const big = { m: 200, k: 100, n: 120 };
    expect(big.m * big.k * big.n).toBeGreaterThanOrEqual(NATIVE_MIN_WORK);
    const x = Float32Array.from({ length: big.m * big.k }, () => rnd() - 0.5);
    const y = Float32Array.from({ length: big.k * big.n }, () => rnd() - 0.5);
    const result = await product.multiply(x, y, big);
    const reference = multiplyInJs(x, y, big);
    result.forEach((v, i) => expect(v).toBeCloseTo(reference[i]!, 4));
  });
});
