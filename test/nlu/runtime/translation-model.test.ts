import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModelNotFoundError, TransformerModelRuntime, TranslationLanguageError, type BatchInfo } from '../../../nlu/runtime';
import { writeTinyMarianModel, type TinyMarianModel } from '../../support/tiny-model/tiny-marian-model';

const TEXTS = ['hola', '¿donde esta mi pedido?', 'gracias', 'el reembolso por favor', 'mi paquete 12345', 'envio'];
const ES_EN = { from: 'es', to: 'en', maxNewTokens: 20 };

/** Words of a decoded text, as the Metaspace decoder joins pieces: every one is made of vocabulary pieces. */
function isMadeOfPieces(text: string, pieces: readonly string[]): boolean {
  const alphabet = new Set(pieces.filter((piece) => !piece.startsWith('<')).flatMap((piece) => [...piece.replace('\u2581', '')]));
  return [...text.replace(/ /g, '')].every((character) => alphabet.has(character));
}

describe('TranslationModel', () => {
  let folder: string;
  let model: TinyMarianModel;
  let runtime: TransformerModelRuntime;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'models-'));
    model = writeTinyMarianModel(folder);
    runtime = new TransformerModelRuntime({ folder, allowRemote: false, threads: 1, batchWindowMs: 5, maxBatchSize: 32 });
  });

  afterAll(async () => {
    await runtime.close();
    rmSync(folder, { recursive: true, force: true });
  });

  describe('with the tiny Marian model in the local folder and downloads off', () => {
    it('loads the seq2seq pipeline offline and answers one translation per text from the vocabulary', async () => {
      const translator = runtime.translator(model.modelId);
      expect(translator.family).toBe('opus-mt');
      const translations = await translator.translate(TEXTS, ES_EN);
      expect(translations).toHaveLength(TEXTS.length);
      for (const text of translations) {
        expect(typeof text).toBe('string');
        expect(isMadeOfPieces(text, model.pieces)).toBe(true);
        expect(text).not.toMatch(/<pad>|<\/s>|<unk>/);
      }
      // A random model, but not a constant one: different sources give different outputs.
      expect(new Set(translations).size).toBeGreaterThan(1);
    });

    it('gives the same text the same translation every time', async () => {
      const translator = runtime.translator(model.modelId);
      const first = await translator.translate(TEXTS, ES_EN);
      const again = await translator.translate(TEXTS, ES_EN);
      expect(again).toEqual(first);
    });

    it('generates at most maxNewTokens tokens per text', async () => {
      const translator = runtime.translator(model.modelId);
      const [long] = await translator.translate(['hola'], { ...ES_EN, maxNewTokens: 20 });
      const [short] = await translator.translate(['hola'], { ...ES_EN, maxNewTokens: 3 });
      // Each generated piece decodes to at least one character, and a word-start piece adds at most one space.
      expect(short!.replace(/ /g, '').length).toBeLessThanOrEqual(3 * Math.max(...model.pieces.map((piece) => piece.length)));
      expect(long!.startsWith(short!.trimEnd())).toBe(true);
      expect(long!.length).toBeGreaterThan(short!.length);
    });

    it('serves concurrent requests for the pair with one batch, each text translated as it is alone', async () => {
      const translator = runtime.translator(model.modelId);
      const alone: string[] = [];
      for (const text of TEXTS) alone.push((await translator.translate([text], ES_EN))[0]!);
      // Some texts stop at </s> well before others: rows that finished must not go on generating inside the batch.
      expect(new Set(alone.map((text) => text.length)).size).toBeGreaterThan(2);

      const batches: BatchInfo[] = [];
      const stop = translator.onBatch((batch) => batches.push(batch));
      const together = await Promise.all(TEXTS.map((text) => translator.translate([text], ES_EN)));
      stop();

      expect(batches).toEqual([expect.objectContaining({ size: TEXTS.length, requests: TEXTS.length, failed: false })]);
      expect(together.map(([text]) => text)).toEqual(alone);
    });

    it('refuses a pair the opus-mt model does not translate before starting anything for it', async () => {
      const translator = runtime.translator(model.modelId);
      expect(translator.supports('es', 'en')).toBe(true);
      expect(translator.supports('en', 'es')).toBe(false);
      await expect(translator.translate(['hello'], { from: 'en', to: 'es' })).rejects.toThrow(TranslationLanguageError);
      await expect(translator.translate(['hello'], { from: 'en', to: 'es' })).rejects.toThrow(/one per pair/);
    });
  });

  describe('when more texts arrive than maxBatchSize', () => {
    it('splits them over several batches and keeps every translation in order', async () => {
      const small = new TransformerModelRuntime({ folder, threads: 2, maxBatchSize: 4, batchWindowMs: 5 });
      try {
        const translator = small.translator(model.modelId);
        const texts = [...TEXTS, 'hola gracias', 'por favor', 'el envio', 'mi reembolso'];
        const translations = await translator.translate(texts, ES_EN);
        expect(translator.stats()).toMatchObject({ batches: 3, items: 10, largestBatch: 4, workers: 2 });
        expect(translations).toEqual(await runtime.translator(model.modelId).translate(texts, ES_EN));
      } finally {
        await small.close();
      }
    });
  });

  describe('when the model is not in the folder', () => {
    it('fails with ModelNotFoundError naming the seq2seq files, without starting a worker', async () => {
      const translator = runtime.translator('test-org/opus-mt-fr-en');
      const failure = translator.translate(['bonjour'], { from: 'fr', to: 'en' });
      await expect(failure).rejects.toThrow(ModelNotFoundError);
      await expect(failure).rejects.toThrow(folder);
      await expect(failure).rejects.toThrow('onnx/encoder_model.onnx');
      await expect(failure).rejects.toThrow('onnx/decoder_model_merged.onnx');
      expect(translator.stats().workers).toBe(0);
    });
  });

  describe('when the model id names no known family', () => {
    it('refuses it unless the family is given', () => {
      expect(() => runtime.translator('test-org/my-translator')).toThrow(TranslationLanguageError);
      expect(runtime.translator('test-org/my-translator', { family: 'm2m100' }).family).toBe('m2m100');
    });
  });
});
