import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertDeviceSupported, ModelDeviceError } from '../../../nlu/runtime';
import { explainDeviceFailure } from '../../../nlu/runtime/device-support';

const onLinuxX64 = process.platform === 'linux' && process.arch === 'x64';

describe('assertDeviceSupported', () => {
  let binaries: string;

  beforeEach(() => {
    binaries = mkdtempSync(join(tmpdir(), 'ort-bin-'));
  });

  afterEach(() => rmSync(binaries, { recursive: true, force: true }));

  it('always accepts the cpu', () => {
    expect(() => assertDeviceSupported('cpu', binaries)).not.toThrow();
  });

  describe('when the device is cuda and onnxruntime-node was installed without its CUDA build', () => {
    it('fails with ModelDeviceError telling how to install it or fall back to the cpu', () => {
      expect(() => assertDeviceSupported('cuda', binaries)).toThrow(ModelDeviceError);
      expect(() => assertDeviceSupported('cuda', binaries)).toThrow('npm install --onnxruntime-node-install=cuda12');
      expect(() => assertDeviceSupported('cuda', binaries)).toThrow('MODELS_DEVICE=cpu');
    });
  });

  (onLinuxX64 ? it : it.skip)('accepts cuda once the CUDA provider library is installed', () => {
    writeFileSync(join(binaries, 'libonnxruntime_providers_cuda.so'), '');
    expect(() => assertDeviceSupported('cuda', binaries)).not.toThrow();
  });
});

describe('explainDeviceFailure', () => {
  it('turns onnxruntime failing to load the CUDA provider into ModelDeviceError', () => {
    const error = new Error('OrtSessionOptionsAppendExecutionProvider_Cuda: Failed to load shared library');
    expect(explainDeviceFailure('cuda', error)).toBeInstanceOf(ModelDeviceError);
  });

  it('leaves other errors alone', () => {
    const error = new Error('Invalid model file');
    expect(explainDeviceFailure('cuda', error)).toBe(error);
    expect(explainDeviceFailure('cpu', new Error('CUDA'))).not.toBeInstanceOf(ModelDeviceError);
  });
});
