import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ArtefactFormatError,
  EmbeddingIntentClassifier,
  embeddingIntentTrainers,
  EmbeddingMismatchError,
  OUT_OF_SCOPE,
  type IntentExample,
  type TextEmbedder,
} from '../../../nlu/intents';
import { NluPipeline } from '../../../nlu/pipeline';
import { TransformerModelRuntime } from '../../../nlu/runtime';
import { writeTinyBertModel, type TinyBertModel } from '../../support/tiny-model/tiny-bert-model';

/**
 * A stand-in encoder for the head's own logic: each topic word lights one axis (plus a little per-text noise), so
 * which intent a text means is linearly readable from its vector, as from a real sentence encoder. Counts its calls.
 */
class TopicEmbedder implements TextEmbedder {
  readonly modelId = 'test-org/topic-encoder';
  readonly received: string[][] = [];
  static readonly TOPICS = [['refund', 'money', 'reembolso'], ['track', 'where', 'donde', 'package'], ['hello', 'hola', 'bonjour', 'hi']];

  embed(texts: readonly string[]): Promise<Float32Array[]> {
    this.received.push([...texts]);
    return Promise.resolve(
      texts.map((text) => {
        const vector = new Float32Array(8);
        const words = text.toLowerCase().split(/[^\p{L}]+/u);
        TopicEmbedder.TOPICS.forEach((topic, axis) => {
          for (const word of words) if (topic.includes(word)) vector[axis]! += 1;
        });
        for (let i = 0; i < text.length; i++) vector[3 + (text.charCodeAt(i) % 5)]! += 0.02;
        const norm = Math.hypot(...vector) || 1;
        return vector.map((v) => v / norm);
      }),
    );
  }
}

const TRAINING: IntentExample[] = [
  ...['I want a refund', 'refund my money please', 'quiero un reembolso', 'give me my money back', 'refund now', 'money back for the shoes', 'reembolso por favor', 'refund status?'].map((text) => ({ text, intent: 'refund_status' })),
  ...['where is my package', 'track my order', 'donde esta mi pedido', 'where is it', 'track package 123', 'package where', 'donde esta', 'please track it'].map((text) => ({ text, intent: 'order_status' })),
  ...['hello', 'hola', 'bonjour', 'hi there', 'hello team', 'hola amigos', 'hi', 'bonjour madame'].map((text) => ({ text, intent: 'greeting' })),
];

describe('EmbeddingIntentTrainer with a topic encoder', () => {
  it('learns intents from the embedding alone and predicts them for new wording', async () => {
    const classifier = await embeddingIntentTrainers(new TopicEmbedder())['embedding-head']!.train(TRAINING);
    expect(classifier.kind).toBe('embedding-head');
    expect(classifier.embeddingModel).toBe('test-org/topic-encoder');
    expect(classifier.intents).toEqual(['greeting', 'order_status', 'refund_status']);
    const embedder = new TopicEmbedder();
    const [refund, track, hello] = await embedder.embed(['money money, refund!', 'where is the package', 'hola hola']);
    expect(classifier.predict('money money, refund!', refund).intent).toBe('refund_status');
    expect(classifier.predict('where is the package', track).intent).toBe('order_status');
    const greeting = classifier.predict('hola hola', hello);
    expect(greeting.intent).toBe('greeting');
    expect(greeting.ranking[0]).toEqual({ intent: 'greeting', confidence: greeting.confidence });
    expect(greeting.confidence).toBeGreaterThan(0.5);
  });

  it('embeds every training text once, in batches, with the prefix, reporting progress up to 1', async () => {
    const embedder = new TopicEmbedder();
    const progress: number[] = [];
    const trainer = embeddingIntentTrainers(embedder, { prefix: 'query: ', embedBatchSize: 10 })['embedding-head']!;
    const classifier = await trainer.train(TRAINING, { onProgress: (p) => progress.push(p) });
    expect(embedder.received.map((batch) => batch.length)).toEqual([10, 10, 4]);
    expect(embedder.received.flat()).toEqual(TRAINING.map((e) => `query: ${e.text}`));
    expect(classifier.embeddingInput('hola')).toBe('query: hola');
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((p, i) => i === 0 || p >= progress[i - 1]!)).toBe(true);
  });

  it('chooses an out-of-scope threshold on the validation set and embeds that set too', async () => {
    const embedder = new TopicEmbedder();
    const training = [...TRAINING, ...['what is the weather', 'tell me a joke', 'who won the match', 'sing a song'].map((text) => ({ text, intent: OUT_OF_SCOPE }))];
    const validation = [
      { text: 'refund please', intent: 'refund_status' },
      { text: 'hola', intent: 'greeting' },
      { text: 'the capital of peru', intent: OUT_OF_SCOPE },
      { text: 'an unknown intent', intent: 'never_trained' },
    ];
    const classifier = await embeddingIntentTrainers(embedder)['embedding-head']!.train(training, { validation });
    // Training texts, then the known-intent validation texts (the unknown intent is skipped).
    expect(embedder.received.flat().slice(-3)).toEqual(['refund please', 'hola', 'the capital of peru']);
    expect(classifier.metrics.examples).toBe(3);
    expect(classifier.metrics.outOfScopeRecall).toBeDefined();
    const [weather] = await embedder.embed(['what is the weather like']);
    expect(classifier.predict('what is the weather like', weather).intent).toBe(OUT_OF_SCOPE);
  });

  it('keeps the n-gram features beside the embedding in the hybrid kind', async () => {
    const embedder = new TopicEmbedder();
    const classifier = await embeddingIntentTrainers(embedder, { embeddingWeight: 0.5 })['hybrid-embedding']!.train(TRAINING);
    expect(classifier.kind).toBe('hybrid-embedding');
    expect(classifier.embeddingWeight).toBe(0.5);
    // The topic encoder does not know "reembolsar"; the n-grams shared with "reembolso" carry it.
    const [vector] = await embedder.embed(['reembolsar']);
    expect(classifier.predict('reembolsar', vector).intent).toBe('refund_status');
  });

  it('round-trips through its artefact with the same predictions', async () => {
    const embedder = new TopicEmbedder();
    const trainers = embeddingIntentTrainers(embedder, { prefix: 'query: ' });
    for (const kind of ['embedding-head', 'hybrid-embedding']) {
      const classifier = await trainers[kind]!.train(TRAINING);
      const loaded = trainers[kind]!.load(classifier.serialize());
      expect(loaded).toBeInstanceOf(EmbeddingIntentClassifier);
      expect(loaded.embeddingInput('x')).toBe('query: x');
      for (const text of ['refund', 'donde esta mi paquete', 'hi!', 'random words']) {
        const [vector] = await embedder.embed([text]);
        const before = classifier.predict(text, vector);
        const after = loaded.predict(text, vector);
        expect(after.intent).toBe(before.intent);
        expect(after.confidence).toBeCloseTo(before.confidence, 6);
      }
    }
  });

  it('refuses a prediction without the embedding, or with one of another size', async () => {
    const classifier = await embeddingIntentTrainers(new TopicEmbedder())['embedding-head']!.train(TRAINING);
    expect(() => classifier.predict('hello')).toThrow(EmbeddingMismatchError);
    expect(() => classifier.predict('hello', new Float32Array(3))).toThrow(/8-dimensional vectors of test-org\/topic-encoder, got 3/);
  });

  it('refuses artefacts of another kind, another embedding model, or no model at all', async () => {
    const embedder = new TopicEmbedder();
    const artefact = (await embeddingIntentTrainers(embedder)['embedding-head']!.train(TRAINING)).serialize();
    expect(() => embeddingIntentTrainers(embedder)['hybrid-embedding']!.load(artefact)).toThrow(ArtefactFormatError);
    const other: TextEmbedder = { modelId: 'other/encoder', embed: (texts) => embedder.embed(texts) };
    expect(() => embeddingIntentTrainers(other)['embedding-head']!.load(artefact)).toThrow(/trained on embeddings of test-org\/topic-encoder, but other\/encoder/);
    expect(() => embeddingIntentTrainers(embedder)['embedding-head']!.load(Buffer.from('not a model'))).toThrow(ArtefactFormatError);
  });

  it('stops when cancelled and when the encoder returns vectors of different sizes', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(embeddingIntentTrainers(new TopicEmbedder())['embedding-head']!.train(TRAINING, { signal: controller.signal })).rejects.toHaveProperty(
      'name',
      'TrainingCancelledError',
    );
    const ragged: TextEmbedder = { modelId: 'x/ragged', embed: (texts) => Promise.resolve(texts.map((_, i) => new Float32Array(i % 2 ? 4 : 8).fill(0.5))) };
    await expect(embeddingIntentTrainers(ragged)['embedding-head']!.train(TRAINING)).rejects.toHaveProperty('name', 'EmbeddingMismatchError');
  });
});

describe('EmbeddingIntentTrainer on the real runtime with the generated tiny BERT model', () => {
  let folder: string;
  let model: TinyBertModel;
  let runtime: TransformerModelRuntime;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'models-'));
    model = writeTinyBertModel(folder, { hiddenSize: 48 });
    runtime = new TransformerModelRuntime({ folder, allowRemote: false, threads: 1, batchWindowMs: 5, maxBatchSize: 32 });
  });

  afterAll(async () => {
    await runtime.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('trains a head on the encoder vectors and understands messages through the pipeline', async () => {
    const extractor = runtime.featureExtractor(model.modelId);
    const classifier = await embeddingIntentTrainers(extractor)['embedding-head']!.train(TRAINING);
    expect(classifier.embeddingModel).toBe(model.modelId);
    // A random tiny encoder says nothing about unseen wording, but a head on its vectors must fit the training texts,
    // and the pipeline must give what the head gives on the vector the runtime computes.
    const vectors = await extractor.embed(TRAINING.map((e) => e.text));
    const fitted = TRAINING.filter((e, i) => classifier.predict(e.text, vectors[i]).intent === e.intent);
    expect(fitted.length).toBe(TRAINING.length);
    const pipeline = new NluPipeline({ classifier, embedder: extractor });
    const batchesBefore = extractor.stats().batches;
    const understood = await Promise.all(TRAINING.map((e) => pipeline.understandAsync(e.text, { language: 'en' })));
    expect(understood.map((u) => u.intent.intent)).toEqual(TRAINING.map((e) => e.intent));
    // 24 concurrent messages share micro-batches rather than running one by one.
    expect(extractor.stats().batches - batchesBefore).toBeLessThan(TRAINING.length / 2);
    const withOrder = await pipeline.understandAsync('refund now for order B7K9Q2', { language: 'en' });
    expect(withOrder.entities.some((e) => e.type === 'order_number')).toBe(true);
    expect(() => pipeline.understand('hello')).toThrow(/understandAsync/);
  });

  it('refuses a pipeline whose encoder is not the model the head was trained on', async () => {
    const extractor = runtime.featureExtractor(model.modelId);
    const classifier = await embeddingIntentTrainers(extractor)['embedding-head']!.train(TRAINING);
    const pipeline = new NluPipeline({ classifier, embedder: new TopicEmbedder() });
    await expect(pipeline.understandAsync('hello')).rejects.toThrow(/needs embeddings of test-org\/tiny-bert; the pipeline has test-org\/topic-encoder/);
  });
});
