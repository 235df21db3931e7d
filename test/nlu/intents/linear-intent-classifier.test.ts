import { gzipSync } from 'node:zlib';
import {
  ArtefactFormatError,
  OUT_OF_SCOPE,
  type IntentClassifier,
  type IntentClassifierTrainer,
  type IntentExample,
} from '../../../nlu/intents/intent-classifier';
import { LinearIntentTrainer, linearSvmIntentTrainer, naiveBayesIntentTrainer } from '../../../nlu/intents/linear-intent-classifier';
import { trainLinearSvm, TrainingCancelledError } from '../../../nlu/intents/linear-svm';

/** Three intents and out-of-scope messages in English, Spanish and German, six of each per language. */
const TRAINING: Record<string, Record<string, string[]>> = {
  en: {
    greeting: ['hi', 'hello', 'hey there', 'good morning', 'hello, anyone there?', 'hi team, hope you are well'],
    order_status: [
      'where is my order',
      'what is the status of my order',
      'my package has not arrived yet',
      'track my order please',
      'when will my order be delivered',
      'has my order shipped yet',
    ],
    payment_methods: [
      'which payment methods do you accept',
      'can I pay with paypal',
      'do you take credit cards',
      'can I pay by bank transfer',
      'is apple pay accepted',
      'what ways can I pay',
    ],
    [OUT_OF_SCOPE]: ['what is the weather like today', 'tell me a joke', 'who won the football game', 'how tall is mount everest', 'recipe for pancakes', 'play some music'],
  },
  es: {
    greeting: ['hola', 'buenos días', 'buenas tardes', 'hola, ¿hay alguien?', 'qué tal', 'hola equipo, espero que estéis bien'],
    order_status: [
      '¿dónde está mi pedido?',
      '¿cuál es el estado de mi pedido?',
      'mi paquete todavía no ha llegado',
      'quiero rastrear mi pedido',
      '¿cuándo llega mi pedido?',
      '¿ya enviaron mi pedido?',
    ],
    payment_methods: [
      '¿qué métodos de pago aceptan?',
      '¿puedo pagar con paypal?',
      '¿aceptan tarjeta de crédito?',
      '¿puedo pagar por transferencia bancaria?',
      '¿se puede pagar con bizum?',
      '¿qué formas de pago tienen?',
    ],
    [OUT_OF_SCOPE]: ['¿qué tiempo hace hoy?', 'cuéntame un chiste', '¿quién ganó el partido?', 'receta de tortilla', 'pon música', '¿cuánto mide el everest?'],
  },
  de: {
    greeting: ['hallo', 'guten morgen', 'guten tag', 'hallo, ist da jemand?', 'servus', 'hallo zusammen, hoffe es geht euch gut'],
    order_status: [
      'wo ist meine bestellung',
      'wie ist der status meiner bestellung',
      'mein paket ist noch nicht angekommen',
      'bestellung verfolgen bitte',
      'wann wird meine bestellung geliefert',
      'wurde meine bestellung schon verschickt',
    ],
    payment_methods: [
      'welche zahlungsmethoden akzeptiert ihr',
      'kann ich mit paypal bezahlen',
      'nehmt ihr kreditkarten',
      'kann ich per überweisung bezahlen',
      'geht auch apple pay zum bezahlen',
      'wie kann ich bezahlen',
    ],
    [OUT_OF_SCOPE]: ['wie wird das wetter heute', 'erzähl mir einen witz', 'wer hat das spiel gewonnen', 'rezept für pfannkuchen', 'spiel musik ab', 'wie hoch ist der everest'],
  },
};

/** Paraphrases the classifiers never see in training. */
const HELD_OUT: IntentExample[] = [
  { text: 'hello there!', intent: 'greeting', language: 'en' },
  { text: 'where is my package?', intent: 'order_status', language: 'en' },
  { text: 'can I pay with a credit card?', intent: 'payment_methods', language: 'en' },
  { text: 'hola, buenos días', intent: 'greeting', language: 'es' },
  { text: '¿dónde está mi paquete?', intent: 'order_status', language: 'es' },
  { text: '¿puedo pagar con tarjeta?', intent: 'payment_methods', language: 'es' },
  { text: 'hallo, guten morgen', intent: 'greeting', language: 'de' },
  { text: 'wo ist mein paket', intent: 'order_status', language: 'de' },
  { text: 'kann ich mit kreditkarte bezahlen', intent: 'payment_methods', language: 'de' },
];

const EXAMPLES: IntentExample[] = Object.entries(TRAINING).flatMap(([language, intents]) =>
  Object.entries(intents).flatMap(([intent, texts]) => texts.map((text) => ({ text, intent, language }))),
);

const PROBES = [...HELD_OUT.map((e) => e.text), 'asdf qwerty', '', '我的订单在哪里', 'order 12345 where??'];

describe.each<[string, IntentClassifierTrainer]>([
  ['linear-svm', linearSvmIntentTrainer],
  ['naive-bayes', naiveBayesIntentTrainer],
])('the %s intent classifier', (kind, trainer) => {
  let classifier: IntentClassifier;
  const progress: number[] = [];

  beforeAll(async () => {
    classifier = await trainer.train(EXAMPLES, { onProgress: (fraction) => progress.push(fraction) });
  });

  it('has its registry name', () => {
    expect(trainer.kind).toBe(kind);
    expect(classifier.kind).toBe(kind);
  });

  it('knows the trained intents, sorted, out_of_scope included', () => {
    expect(classifier.intents).toEqual(['greeting', 'order_status', OUT_OF_SCOPE, 'payment_methods']);
  });

  it.each(HELD_OUT.map((e) => [e.language, e.text, e.intent]))('predicts a held-out %s paraphrase: %p -> %s', (_language, text, intent) => {
    expect(classifier.predict(text!).intent).toBe(intent);
  });

  it('predicts the training messages', () => {
    const wrong = EXAMPLES.filter((e) => classifier.predict(e.text).ranking[0]!.intent !== e.intent).map((e) => e.text);
    expect(wrong).toEqual([]);
  });

  it('puts an unrelated message at out_of_scope', () => {
    expect(classifier.predict("what's the weather like tomorrow").intent).toBe(OUT_OF_SCOPE);
  });

  it('gives confidences in [0, 1], a ranking sorted by confidence and the best intent first', () => {
    for (const text of PROBES) {
      const prediction = classifier.predict(text);
      expect(prediction.confidence).toBeGreaterThanOrEqual(0);
      expect(prediction.confidence).toBeLessThanOrEqual(1);
      expect(prediction.ranking.length).toBeGreaterThan(0);
      expect(prediction.ranking.length).toBeLessThanOrEqual(5);
      expect(prediction.ranking[0]!.confidence).toBe(prediction.confidence);
      for (let i = 1; i < prediction.ranking.length; i++) {
        expect(prediction.ranking[i]!.confidence).toBeLessThanOrEqual(prediction.ranking[i - 1]!.confidence);
      }
      for (const { intent, confidence } of prediction.ranking) {
        expect(classifier.intents).toContain(intent);
        expect(confidence).toBeGreaterThanOrEqual(0);
        expect(confidence).toBeLessThanOrEqual(1);
      }
      // All four intents fit in the ranking, so its confidences are the whole distribution.
      expect(prediction.ranking.reduce((sum, r) => sum + r.confidence, 0)).toBeCloseTo(1, 6);
      expect(prediction.intent === OUT_OF_SCOPE || prediction.intent === prediction.ranking[0]!.intent).toBe(true);
    }
  });

  it('is confident on a training message', () => {
    expect(classifier.predict('where is my order').confidence).toBeGreaterThan(0.5);
  });

  it('reports held-out metrics from training', () => {
    expect(classifier.metrics.accuracy).toBeGreaterThanOrEqual(0);
    expect(classifier.metrics.accuracy).toBeLessThanOrEqual(1);
    expect(classifier.metrics.outOfScopeRecall).toBeGreaterThanOrEqual(0);
    expect(classifier.metrics.outOfScopeRecall).toBeLessThanOrEqual(1);
    // A stratified fifth of 18 examples per intent: 4 of each of the four intents.
    expect(classifier.metrics.examples).toBe(16);
    expect(classifier.metrics.trainSeconds).toBeGreaterThan(0);
  });

  it('reports progress rising to 1', () => {
    expect(progress.length).toBeGreaterThan(1);
    for (let i = 1; i < progress.length; i++) expect(progress[i]!).toBeGreaterThanOrEqual(progress[i - 1]!);
    expect(progress[0]!).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(1);
  });

  describe('when serialized and loaded back', () => {
    let loaded: IntentClassifier;

    beforeAll(() => {
      loaded = trainer.load(classifier.serialize());
    });

    it('keeps the kind, intents and metrics', () => {
      expect(loaded.kind).toBe(kind);
      expect(loaded.intents).toEqual(classifier.intents);
      expect(loaded.metrics).toEqual(classifier.metrics);
    });

    it('gives the same predictions, confidences within the int16 quantisation', () => {
      for (const text of PROBES) {
        const before = classifier.predict(text);
        const after = loaded.predict(text);
        expect(after.intent).toBe(before.intent);
        expect(after.ranking.map((r) => r.intent)).toEqual(before.ranking.map((r) => r.intent));
        after.ranking.forEach((r, i) => expect(r.confidence).toBeCloseTo(before.ranking[i]!.confidence, 3));
      }
    });

    it('serializes to the same artefact again', () => {
      expect(trainer.load(loaded.serialize()).serialize().equals(loaded.serialize())).toBe(true);
    });
  });

  describe('when loading an artefact that does not fit', () => {
    const other = kind === 'linear-svm' ? naiveBayesIntentTrainer : linearSvmIntentTrainer;

    it("rejects the other kind's artefact with ArtefactFormatError", async () => {
      const foreign = (await other.train(EXAMPLES)).serialize();
      expect(() => trainer.load(foreign)).toThrow(ArtefactFormatError);
      expect(() => trainer.load(foreign)).toThrow(/retrain the model/);
    });

    it('rejects bytes that are not gzip data', () => {
      expect(() => trainer.load(Buffer.from('definitely not a model'))).toThrow(ArtefactFormatError);
      expect(() => trainer.load(Buffer.alloc(0))).toThrow(ArtefactFormatError);
    });

    it('rejects gzip data that is not an artefact', () => {
      for (const garbage of [gzipSync(Buffer.from('hello world, this is not a model')), gzipSync(Buffer.alloc(2)), gzipSync(Buffer.from([4, 0, 0, 0, 0x6e, 0x75, 0x6c, 0x6c])), gzipSync(Buffer.from([2, 0, 0, 0, 0x7b, 0x7d]))]) {
        expect(() => trainer.load(garbage)).toThrow(ArtefactFormatError);
      }
    });

    it('rejects an artefact whose weights are cut short', async () => {
      const { gunzipSync } = await import('node:zlib');
      const raw = gunzipSync(classifier.serialize());
      expect(() => trainer.load(gzipSync(raw.subarray(0, raw.length - 2)))).toThrow(new ArtefactFormatError('Artefact weights are truncated; retrain the model'));
    });

    it('rejects an artefact of another format version', async () => {
      const { gunzipSync } = await import('node:zlib');
      const raw = gunzipSync(classifier.serialize());
      const length = raw.readUInt32LE(0);
      const header = JSON.parse(raw.subarray(4, 4 + length).toString('utf8')) as { version: number };
      const json = Buffer.from(JSON.stringify({ ...header, version: 99 }));
      const prefix = Buffer.alloc(4);
      prefix.writeUInt32LE(json.length);
      expect(() => trainer.load(gzipSync(Buffer.concat([prefix, json, raw.subarray(4 + length)])))).toThrow(ArtefactFormatError);
    });
  });

  describe('when given validation data', () => {
    it('calibrates on it, measures on it and fits once', async () => {
      const validation = [...HELD_OUT, { text: 'what time is it in tokyo', intent: OUT_OF_SCOPE, language: 'en' }, { text: 'unknown intent', intent: 'never_trained' }];
      const fractions: number[] = [];
      const trained = await trainer.train(EXAMPLES, { validation, onProgress: (f) => fractions.push(f) });
      // Examples of intents the model does not know are left out.
      expect(trained.metrics.examples).toBe(HELD_OUT.length + 1);
      // One fit over the four classes reports 1/4 .. 4/4, then the final 1.
      expect(fractions).toEqual([0.25, 0.5, 0.75, 1, 1]);
    });

    it('calls the fitter once, on every training example, instead of twice', async () => {
      const fits: number[] = [];
      const counting = new LinearIntentTrainer(kind, (rows, labels, classes, dimension, onClassTrained) => {
        fits.push(rows.length);
        return trainLinearSvm(rows, labels, classes, dimension, { onClassTrained });
      });
      await counting.train(EXAMPLES, { validation: HELD_OUT });
      expect(fits).toEqual([EXAMPLES.length]);
      fits.length = 0;
      await counting.train(EXAMPLES);
      expect(fits).toEqual([EXAMPLES.length - 16, EXAMPLES.length]);
    });
  });

  describe('when training is cancelled', () => {
    it('throws TrainingCancelledError for an aborted signal', async () => {
      const controller = new AbortController();
      controller.abort();
      await expect(trainer.train(EXAMPLES, { signal: controller.signal })).rejects.toBeInstanceOf(TrainingCancelledError);
    });

    it('throws TrainingCancelledError when aborted during training', async () => {
      const controller = new AbortController();
      const training = trainer.train(EXAMPLES, {
        signal: controller.signal,
        onProgress: (fraction) => {
          if (fraction > 0) controller.abort();
        },
      });
      await expect(training).rejects.toBeInstanceOf(TrainingCancelledError);
    });
  });

  describe('when the data cannot make a classifier', () => {
    it('refuses no examples', async () => {
      await expect(trainer.train([])).rejects.toThrow('Cannot train an intent classifier without examples');
    });

    it('refuses a single intent', async () => {
      await expect(trainer.train(EXAMPLES.filter((e) => e.intent === 'greeting'))).rejects.toThrow(/at least two intents/);
    });
  });

  describe('without out-of-scope examples', () => {
    it('never rejects by threshold and always decides an intent it knows', async () => {
      const inScope = await trainer.train(EXAMPLES.filter((e) => e.intent !== OUT_OF_SCOPE));
      expect(inScope.intents).not.toContain(OUT_OF_SCOPE);
      expect(inScope.metrics.outOfScopeRecall).toBeUndefined();
      for (const text of PROBES) expect(inScope.intents).toContain(inScope.predict(text).intent);
    });
  });
});
