/**
 * The NLU pipeline with real classifiers trained on a small inline data set (well under a second), real entity
 * extraction and the real frustration lexicons.
 */
import { ProductMatcher } from '../../nlu/entities';
import { linearSvmIntentTrainer, naiveBayesIntentTrainer, OUT_OF_SCOPE, type IntentClassifier, type IntentClassifierTrainer, type IntentExample } from '../../nlu/intents';
import { NluPipeline } from '../../nlu/pipeline';

const examples = (intent: string, texts: string[]): IntentExample[] => texts.map((text) => ({ text, intent }));

const data: IntentExample[] = [
  ...examples('order_status', [
    'where is my order', 'track my package', 'where is my parcel', 'when will my order arrive', 'order status please',
    'has my order shipped', 'tracking for my order', 'wo ist meine Bestellung', 'dónde está mi pedido', '我的订单到哪里了',
  ]),
  ...examples('order_cancel', [
    'cancel my order', 'I want to cancel the order', 'please cancel it', 'stop my order', 'cancel order now',
    'I no longer want this order', 'cancel the purchase', 'Bestellung stornieren', 'cancelar mi pedido', '取消订单',
  ]),
  ...examples('greeting', ['hello', 'hi there', 'good morning', 'hey', 'hallo', 'hola', 'bonjour', '你好', 'good evening', 'hi']),
  ...examples(OUT_OF_SCOPE, [
    'what is the weather', 'tell me a joke', 'who won the game', 'what is the capital of France', 'play some music',
    'how tall is everest', 'recipe for pancakes', 'set an alarm', 'what time is it in tokyo', 'translate cat to french',
  ]),
];

const trainers: Array<[string, IntentClassifierTrainer]> = [
  ['linear-svm', linearSvmIntentTrainer],
  ['naive-bayes', naiveBayesIntentTrainer],
];

describe.each(trainers)('NluPipeline with a small %s classifier', (_kind, trainer) => {
  let classifier: IntentClassifier;
  let pipeline: NluPipeline;

  beforeAll(async () => {
    classifier = await trainer.train(data);
    pipeline = new NluPipeline({ classifier });
  });

  describe('on an angry order-status message with an order number', () => {
    it('returns the intent, the order number and a frustration score at the escalation threshold, together', () => {
      const text = 'Where is my order A1B2C3?? This is the worst service ever!!!';
      const result = pipeline.understand(text, { language: 'en' });
      expect(result.intent.intent).toBe('order_status');
      expect(result.intent.confidence).toBeGreaterThan(0.5);
      expect(result.intent.ranking[0]).toEqual({ intent: 'order_status', confidence: result.intent.confidence });
      expect(result.entities).toEqual([{ type: 'order_number', text: 'A1B2C3', start: 18, end: 24, value: { normalized: 'A1B2C3' } }]);
      expect(text.slice(result.entities[0]!.start, result.entities[0]!.end)).toBe('A1B2C3');
      expect(result.frustration.score).toBeGreaterThanOrEqual(0.6);
      expect(result.frustration.signals).toEqual(expect.arrayContaining(['anger:worst service', 'punctuation:!!!']));
    });
  });

  describe('on a calm cancellation with an order number and an e-mail address', () => {
    it('returns order_cancel, both entities in message order, and no frustration', () => {
      const result = pipeline.understand('cancel order B7K9Q2 please, my email is anna@example.com', { language: 'en' });
      expect(result.intent.intent).toBe('order_cancel');
      expect(result.entities.map((e) => [e.type, e.text])).toEqual([
        ['order_number', 'B7K9Q2'],
        ['email', 'anna@example.com'],
      ]);
      expect(result.frustration).toEqual({ score: 0, signals: [] });
    });
  });

  describe('on a message outside the store business', () => {
    it('decides out_of_scope and still extracts the entities', () => {
      const result = pipeline.understand('what is the capital of Spain', { language: 'en' });
      expect(result.intent.intent).toBe(OUT_OF_SCOPE);
      expect(result.entities).toEqual([expect.objectContaining({ type: 'country', value: { code: 'ES' } })]);
    });
  });

  describe('with a language hint', () => {
    it('reads money the way the language writes it', () => {
      const result = pipeline.understand('Bestellung stornieren, ich habe 1.299,00 € bezahlt', { language: 'de' });
      expect(result.intent.intent).toBe('order_cancel');
      expect(result.entities).toContainEqual(expect.objectContaining({ type: 'money', value: { amount: 1299, currency: 'EUR' } }));
    });

    it("uses the language's frustration lexicon (and English), not every language's", () => {
      const german = 'Das ist eine Frechheit, wo ist meine Bestellung';
      expect(pipeline.understand(german, { language: 'de' }).frustration.signals).toContain('anger:frechheit');
      expect(pipeline.understand(german, { language: 'ja' }).frustration.score).toBe(0);
    });

    it('checks every lexicon when the language is unknown', () => {
      expect(pipeline.understand('Das ist eine Frechheit').frustration.signals).toContain('anger:frechheit');
    });
  });

  describe('with entity options', () => {
    it('passes the catalogue on, so products are found', () => {
      const products = new ProductMatcher([{ id: 'p1', sku: 'RUN-42', name: 'Trail Runner Shoe' }]);
      const result = pipeline.understand('where is my order with the RUN-42?', { language: 'en', products });
      expect(result.entities).toContainEqual(expect.objectContaining({ type: 'product', value: expect.objectContaining({ productId: 'p1', sku: 'RUN-42' }) }));
    });

    it('finds no products without a catalogue', () => {
      expect(pipeline.understand('where is my order with the RUN-42?', { language: 'en' }).entities.filter((e) => e.type === 'product')).toEqual([]);
    });

    it("passes the workspace's order-number patterns on", () => {
      const result = pipeline.understand('where is my order INV-004512', { language: 'en', orderNumberPatterns: [/(?<code>INV-\d{6})/dg] });
      expect(result.entities).toContainEqual(expect.objectContaining({ type: 'order_number', value: { normalized: 'INV-004512' } }));
    });
  });

  describe('its classifier', () => {
    it('is the one it was built with', () => {
      expect(pipeline.classifier).toBe(classifier);
      expect(pipeline.classifier.intents).toEqual(['greeting', 'order_cancel', 'order_status', OUT_OF_SCOPE]);
    });

    it('gives the same understanding after the classifier is serialised and loaded', () => {
      const reloaded = new NluPipeline({ classifier: trainer.load(classifier.serialize()) });
      const text = '我的订单 A1B2C3 到哪里了？';
      const before = pipeline.understand(text, { language: 'zh' });
      const after = reloaded.understand(text, { language: 'zh' });
      expect(after.intent.intent).toBe(before.intent.intent);
      expect(after.intent.confidence).toBeCloseTo(before.intent.confidence, 2);
      expect(after.entities).toEqual(before.entities);
    });
  });
});
