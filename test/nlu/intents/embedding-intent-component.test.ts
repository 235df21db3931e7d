import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { UnderstandingService } from '../../../bots/runtime/understanding-service';
import {
  EmbeddingIntentClassifier,
  IntentClassifierComponent,
  OUT_OF_SCOPE,
  type IntentClassifier,
  type IntentEmbeddingSettings,
  type IntentExample,
} from '../../../nlu/intents';
import { resolveRuntimeOptions, TransformerModelRuntime } from '../../../nlu/runtime';
import type { LiveModels } from '../../../workers/model-registry/live-models';
import { writeTinyBertModel, type TinyBertModel } from '../../support/tiny-model/tiny-bert-model';

const BUILTIN: IntentExample[] = [
  ...['refund please', 'i want a refund', 'refund my order', 'give me a refund now', 'refund the shipping'].map((text) => ({ text, intent: 'refund_status', language: 'en' })),
  ...['track my package', 'where is my package', 'track the order', 'where is my order', 'package tracking please'].map((text) => ({ text, intent: 'order_status', language: 'en' })),
  ...['hello', 'hello there', 'hola', 'bonjour', 'hello world'].map((text) => ({ text, intent: 'greeting', language: 'en' })),
  ...['what is the weather', 'tell me a joke', 'who is the president', 'sing me a song'].map((text) => ({ text, intent: OUT_OF_SCOPE, language: 'en' })),
];

describe('IntentClassifierComponent with a sentence-embedding kind (generated tiny BERT, real runtime)', () => {
  let folder: string;
  let model: TinyBertModel;
  let runtime: TransformerModelRuntime;
  let settings: IntentEmbeddingSettings;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'models-'));
    model = writeTinyBertModel(folder, { hiddenSize: 32 });
    const options = resolveRuntimeOptions({ folder, allowRemote: false, threads: 1, batchWindowMs: 2, maxBatchSize: 32 });
    runtime = new TransformerModelRuntime(options);
    settings = { runtime: options, embedder: runtime.featureExtractor(model.modelId), prefix: 'query: ', weight: 1 };
  });

  afterAll(async () => {
    await runtime.close();
    rmSync(folder, { recursive: true, force: true });
  });

  /** `null`: no embedding settings at all. */
  function component(kind: string, embedding: IntentEmbeddingSettings | null = settings): IntentClassifierComponent {
    return new IntentClassifierComponent({
      kind,
      ...(embedding ? { embedding } : {}),
      workspaceExamples: () => Promise.resolve([]),
      builtinExamples: () => BUILTIN,
    });
  }

  it('refuses an embedding kind without an embedding model', () => {
    expect(() => component('hybrid-embedding', null)).toThrow(/needs a sentence-embedding model \(MODELS_EMBEDDING\)/);
  });

  it('fingerprints the model and how it is used, so changing either retrains', async () => {
    const hybrid = (await component('hybrid-embedding').collect(null)).fingerprint;
    expect((await component('embedding-head').collect(null)).fingerprint).not.toBe(hybrid);
    expect((await component('hybrid-embedding', { ...settings, prefix: '' }).collect(null)).fingerprint).not.toBe(hybrid);
    expect((await component('hybrid-embedding', { ...settings, weight: 2 }).collect(null)).fingerprint).not.toBe(hybrid);
    const otherModel = { ...settings, embedder: { modelId: 'other/encoder', embed: settings.embedder.embed.bind(settings.embedder) } };
    expect((await component('hybrid-embedding', otherModel).collect(null)).fingerprint).not.toBe(hybrid);
    expect((await component('linear-svm').collect(null)).fingerprint).not.toBe(hybrid);
  });

  it('trains on a worker thread with its own runtime, and the loaded model understands messages', async () => {
    const intents = component('hybrid-embedding');
    const set = await intents.collect(null);
    const progress: number[] = [];
    const trained = await intents.train(set, { onProgress: (p) => progress.push(p) });
    expect(progress.at(-1)).toBe(1);
    expect(trained.metrics.accuracy).toBeGreaterThan(0);
    const classifier = intents.load('hybrid-embedding', trained.artefact);
    expect(classifier).toBeInstanceOf(EmbeddingIntentClassifier);
    expect(classifier.embeddingModel).toBe(model.modelId);
    expect((classifier as EmbeddingIntentClassifier).embeddingInput('hi')).toBe('query: hi');

    // The understanding service embeds each message with the platform's runtime and hands the vector to the model.
    const live = { forWorkspace: () => Promise.resolve({ model: classifier, version: { id: 'v1' } }) } as unknown as LiveModels<IntentClassifier>;
    const service = new UnderstandingService(live, undefined, pino({ level: 'silent' }), undefined, settings.embedder);
    const before = runtime.featureExtractor(model.modelId).stats().items;
    const understood = await service.understand('ws-1', 'refund my order B7K9Q2', 'en');
    expect(understood?.intent.intent).toBe('refund_status');
    expect(understood?.entities.some((e) => e.type === 'order_number')).toBe(true);
    expect(runtime.featureExtractor(model.modelId).stats().items).toBe(before + 1);
  });

  it('will not load an embedding-kind artefact trained on another model', async () => {
    const intents = component('embedding-head');
    const trained = await intents.train(await intents.collect(null), {});
    const otherModel = { ...settings, embedder: { modelId: 'other/encoder', embed: settings.embedder.embed.bind(settings.embedder) } };
    expect(() => component('embedding-head', otherModel).load('embedding-head', trained.artefact)).toThrow(/trained on embeddings of test-org\/tiny-bert/);
  });
});
