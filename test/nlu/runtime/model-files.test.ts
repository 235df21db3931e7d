import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertModelFiles, InvalidModelIdError, ModelNotFoundError, modelDirectory, requiredModelFiles } from '../../../nlu/runtime';
import { writeTinyBertModel } from '../../support/tiny-model/tiny-bert-model';

describe('assertModelFiles', () => {
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'models-'));
    writeTinyBertModel(folder, { modelId: 'org/tiny' });
  });

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('accepts a model whose files are in the hub layout', async () => {
    expect(modelDirectory(folder, 'org/tiny')).toBe(join(folder, 'org', 'tiny'));
    await expect(assertModelFiles(folder, 'org/tiny', 'fp32')).resolves.toBeUndefined();
  });

  describe('when the dtype asks for an ONNX file the model does not ship', () => {
    it('names the missing file', async () => {
      expect(requiredModelFiles('q8')).toContain(join('onnx', 'model_quantized.onnx'));
      const failure = assertModelFiles(folder, 'org/tiny', 'q8');
      await expect(failure).rejects.toThrow(ModelNotFoundError);
      await expect(failure).rejects.toThrow(join('org/tiny', 'onnx', 'model_quantized.onnx'));
    });
  });

  describe('when the model is absent', () => {
    it('names the folder, every missing file and the fixes', async () => {
      const failure = assertModelFiles(folder, 'org/absent', 'fp32');
      await expect(failure).rejects.toMatchObject({
        name: 'ModelNotFoundError',
        folder,
        missing: [join('org/absent', 'config.json'), join('org/absent', 'tokenizer.json'), join('org/absent', 'onnx', 'model.onnx')],
      });
      await expect(failure).rejects.toThrow(/npm run models:download.*MODELS_DIR.*MODELS_ALLOW_REMOTE/);
    });
  });

  describe('when the id could escape the folder', () => {
    it('refuses it before touching the disk', async () => {
      await expect(assertModelFiles(folder, '../outside', 'fp32')).rejects.toThrow(InvalidModelIdError);
    });
  });
});
