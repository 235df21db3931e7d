import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { WorkerScriptError } from '../../../nlu/runtime';
import type { WorkerSetup } from '../../../nlu/runtime/worker-protocol';
import { spawnModelWorker } from '../../../nlu/runtime/worker-script';

const setup: WorkerSetup = {
  task: 'feature-extraction',
  modelId: 'org/model',
  folder: '/models',
  allowRemote: false,
  device: 'cpu',
  dtype: 'fp32',
  intraOpThreads: 1,
};

async function firstMessage(worker: Worker): Promise<unknown> {
  try {
    return await new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject));
  } finally {
    await worker.terminate();
  }
}

describe('spawnModelWorker', () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'worker-script-'));
  });

  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  describe('when the compiled model-worker.js is next to it (dist/)', () => {
    it('starts it directly with the setup as workerData', async () => {
      writeFileSync(
        join(folder, 'model-worker.js'),
        "const { parentPort, workerData } = require('node:worker_threads'); parentPort.postMessage({ from: 'js', workerData });",
      );
      writeFileSync(join(folder, 'model-worker.ts'), "throw new Error('the .ts must not run when the .js exists');");
      await expect(firstMessage(spawnModelWorker(setup, folder))).resolves.toEqual({ from: 'js', workerData: setup });
    });
  });

  describe('when only TypeScript sources are there (jest)', () => {
    it('compiles model-worker.ts and the .ts files it imports', async () => {
      writeFileSync(join(folder, 'greeting.ts'), "export const greeting: string = 'from ts';");
      writeFileSync(
        join(folder, 'model-worker.ts'),
        [
          "import { parentPort, workerData } from 'node:worker_threads';",
          "import { greeting } from './greeting';",
          'interface Reply { from: string; modelId: string }',
          'const reply: Reply = { from: greeting, modelId: (workerData as { modelId: string }).modelId };',
          'parentPort?.postMessage(reply);',
        ].join('\n'),
      );
      await expect(firstMessage(spawnModelWorker(setup, folder))).resolves.toEqual({ from: 'from ts', modelId: 'org/model' });
    });
  });

  describe('when neither is there', () => {
    it('fails with WorkerScriptError naming the folder and the build command', () => {
      expect(() => spawnModelWorker(setup, folder)).toThrow(WorkerScriptError);
      expect(() => spawnModelWorker(setup, folder)).toThrow(/npm run build/);
    });
  });
});
