import { OUT_OF_SCOPE, type IntentExample } from '../../../nlu/intents/intent-classifier';
import { fingerprintExamples, INTENT_COMPONENT, IntentClassifierComponent } from '../../../nlu/intents/intent-component';
import { TrainingCancelledError } from '../../../nlu/intents/linear-svm';
import { loadBuiltinIntentData } from '../../../nlu/intents/training-data';

const EXAMPLES: IntentExample[] = [
  { text: 'hello', intent: 'greeting', language: 'en' },
  { text: 'hola', intent: 'greeting', language: 'es' },
  { text: 'where is my order', intent: 'order_status' },
];

/** A small slice of the shipped English data: four intents and the out-of-scope messages. */
const SMALL_BUILTIN = loadBuiltinIntentData(['en']).filter((e) => ['greeting', 'order_status', 'order_cancel', 'payment_methods', OUT_OF_SCOPE].includes(e.intent));

describe('fingerprintExamples', () => {
  const base = fingerprintExamples('linear-svm', EXAMPLES);

  it('is a sha256 in hex', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on the order of the examples', () => {
    expect(fingerprintExamples('linear-svm', [...EXAMPLES].reverse())).toBe(base);
    expect(fingerprintExamples('linear-svm', [EXAMPLES[1]!, EXAMPLES[2]!, EXAMPLES[0]!])).toBe(base);
  });

  it('changes with the kind', () => {
    expect(fingerprintExamples('naive-bayes', EXAMPLES)).not.toBe(base);
  });

  it.each<[string, IntentExample[]]>([
    ['a text', [{ ...EXAMPLES[0]!, text: 'hello!' }, EXAMPLES[1]!, EXAMPLES[2]!]],
    ['an intent', [{ ...EXAMPLES[0]!, intent: 'goodbye' }, EXAMPLES[1]!, EXAMPLES[2]!]],
    ['a language', [{ ...EXAMPLES[0]!, language: 'de' }, EXAMPLES[1]!, EXAMPLES[2]!]],
    ['a missing language', [EXAMPLES[0]!, EXAMPLES[1]!, { ...EXAMPLES[2]!, language: 'en' }]],
    ['an added example', [...EXAMPLES, { text: 'bye', intent: 'goodbye' }]],
    ['a removed example', EXAMPLES.slice(1)],
    ['a duplicated example', [...EXAMPLES, EXAMPLES[0]!]],
  ])('changes with %s', (_change, changed) => {
    expect(fingerprintExamples('linear-svm', changed)).not.toBe(base);
  });

  it('keeps the fields apart, so moving text between them changes it', () => {
    const a = fingerprintExamples('linear-svm', [{ text: 'b c', intent: 'a' }]);
    const b = fingerprintExamples('linear-svm', [{ text: 'c', intent: 'a b' }]);
    expect(a).not.toBe(b);
  });
});

describe('IntentClassifierComponent', () => {
  const workspaceExamples: Record<string, IntentExample[]> = {
    'ws-1': [{ text: 'is there a gift wrap option', intent: 'gift_wrap', language: 'en' }],
  };

  function component(kind = 'linear-svm', builtin: IntentExample[] = EXAMPLES): { component: IntentClassifierComponent; asked: string[]; builtinLoads: () => number } {
    const asked: string[] = [];
    let loads = 0;
    return {
      component: new IntentClassifierComponent({
        kind,
        workspaceExamples: async (workspaceId) => {
          asked.push(workspaceId);
          return workspaceExamples[workspaceId] ?? [];
        },
        builtinExamples: () => {
          loads++;
          return builtin;
        },
      }),
      asked,
      builtinLoads: () => loads,
    };
  }

  it('is the intent-classifier component, promoted on accuracy', () => {
    const { component: intents } = component();
    expect(intents.name).toBe(INTENT_COMPONENT);
    expect(INTENT_COMPONENT).toBe('intent-classifier');
    expect(intents.primaryMetric).toBe('accuracy');
  });

  describe('collect', () => {
    it('gives the built-in data only for the built-in model (null), without asking for workspace examples', async () => {
      const { component: intents, asked } = component();
      const set = await intents.collect(null);
      expect(set.data).toEqual(EXAMPLES);
      expect(set.kind).toBe('linear-svm');
      expect(set.fingerprint).toBe(fingerprintExamples('linear-svm', EXAMPLES));
      expect(asked).toEqual([]);
    });

    it("appends a workspace's own examples to the built-in data", async () => {
      const { component: intents, asked } = component();
      const set = await intents.collect('ws-1');
      expect(set.data).toEqual([...EXAMPLES, ...workspaceExamples['ws-1']!]);
      expect(set.fingerprint).toBe(fingerprintExamples('linear-svm', set.data));
      expect(set.fingerprint).not.toBe((await intents.collect(null)).fingerprint);
      expect(asked).toEqual(['ws-1']);
    });

    it('gives a workspace without examples the fingerprint of the built-in model', async () => {
      const { component: intents } = component();
      expect((await intents.collect('ws-empty')).fingerprint).toBe((await intents.collect(null)).fingerprint);
    });

    it('loads the built-in examples once', async () => {
      const { component: intents, builtinLoads } = component();
      await intents.collect(null);
      await intents.collect('ws-1');
      await intents.collect('ws-2');
      expect(builtinLoads()).toBe(1);
    });

    it('fingerprints by kind', async () => {
      const svm = await component('linear-svm').component.collect(null);
      const bayes = await component('naive-bayes').component.collect(null);
      expect(bayes.kind).toBe('naive-bayes');
      expect(bayes.fingerprint).not.toBe(svm.fingerprint);
    });

    it('reads the shipped data when no built-in examples are given', async () => {
      const shipped = new IntentClassifierComponent({ kind: 'linear-svm', workspaceExamples: async () => [] });
      const set = await shipped.collect(null);
      expect(set.data).toHaveLength(loadBuiltinIntentData().length);
    });
  });

  describe('train and load', () => {
    it.each(['linear-svm', 'naive-bayes'])('trains a %s model on a worker thread that load() restores', async (kind) => {
      const { component: intents } = component(kind, SMALL_BUILTIN);
      const set = await intents.collect(null);
      const progress: number[] = [];
      const trained = await intents.train(set, { onProgress: (fraction) => progress.push(fraction) });
      expect(Buffer.isBuffer(trained.artefact)).toBe(true);
      expect(trained.metrics).toEqual(expect.objectContaining({ accuracy: expect.any(Number), examples: expect.any(Number), trainSeconds: expect.any(Number) }));
      expect(trained.metrics.accuracy).toBeGreaterThan(0.7);
      expect(progress.at(-1)).toBe(1);

      const classifier = intents.load(kind, trained.artefact);
      expect(classifier.kind).toBe(kind);
      expect([...classifier.intents].sort()).toEqual(['greeting', 'order_cancel', 'order_status', OUT_OF_SCOPE, 'payment_methods'].sort());
      expect(classifier.predict('hello there, good morning').intent).toBe('greeting');
      expect(classifier.predict('where is my package, it has not arrived').intent).toBe('order_status');
      expect(classifier.predict('please cancel my order').intent).toBe('order_cancel');
    });

    it('reports errors raised inside the thread', async () => {
      // The registry lookup of the thread words this differently from intentTrainer() on the calling thread.
      const { component: intents } = component('linear-svm', SMALL_BUILTIN);
      const set = await intents.collect(null);
      await expect(intents.train({ ...set, kind: 'no-such-kind' }, {})).rejects.toThrow('Unknown intent classifier kind no-such-kind');
    });

    it('rejects with TrainingCancelledError when cancelled during training', async () => {
      const { component: intents } = component('linear-svm', SMALL_BUILTIN);
      const set = await intents.collect(null);
      const controller = new AbortController();
      const training = intents.train(set, { signal: controller.signal, onProgress: () => controller.abort() });
      await expect(training).rejects.toBeInstanceOf(TrainingCancelledError);
    });

    it('rejects with TrainingCancelledError when the signal is aborted before training starts', async () => {
      const { component: intents } = component('linear-svm', SMALL_BUILTIN);
      const set = await intents.collect(null);
      const controller = new AbortController();
      controller.abort();
      await expect(intents.train(set, { signal: controller.signal })).rejects.toBeInstanceOf(TrainingCancelledError);
    });

    it('loads with the trainer of the kind asked for, refusing unknown kinds', async () => {
      const { component: intents } = component('linear-svm', SMALL_BUILTIN);
      const trained = await intents.train(await intents.collect(null), {});
      expect(() => intents.load('naive-bayes', trained.artefact)).toThrow(/does not fit/);
      expect(() => intents.load('no-such-kind', trained.artefact)).toThrow('Unknown intent classifier "no-such-kind"; choose one of linear-svm, naive-bayes');
    });
  });
});
