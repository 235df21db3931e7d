import { computeIntentMetrics, quantile, type EvaluatedExample } from '../../../nlu/intents/evaluation';
import { OUT_OF_SCOPE } from '../../../nlu/intents/intent-classifier';

const example = (intent: string, predicted: string, language?: string): EvaluatedExample => ({
  text: `${intent}->${predicted}`,
  intent,
  predicted,
  ...(language ? { language } : {}),
});

describe('computeIntentMetrics', () => {
  describe('on a hand-computed example', () => {
    const results: EvaluatedExample[] = [
      example('greeting', 'greeting', 'en'),
      example('greeting', 'order_status', 'en'),
      example('order_status', 'order_status', 'en'),
      example('order_status', OUT_OF_SCOPE, 'es'),
      example('order_status', 'order_status', 'es'),
      example(OUT_OF_SCOPE, OUT_OF_SCOPE, 'es'),
      example(OUT_OF_SCOPE, 'greeting'),
      example('greeting', 'greeting', 'es'),
      example('order_status', 'order_status', 'en'),
      example('greeting', 'greeting'),
      example('refund_status', 'refund_status', 'de'),
      example('order_cancel', 'order_status', 'fr'),
    ];
    const metrics = computeIntentMetrics(results);

    it('counts in-scope and out-of-scope examples', () => {
      expect(metrics.inScopeExamples).toBe(10);
      expect(metrics.outOfScopeExamples).toBe(2);
    });

    it('measures accuracy over in-scope examples only, predicting out_of_scope for one counting as wrong', () => {
      expect(metrics.accuracy).toBe(0.7);
    });

    it('averages F1 over the in-scope classes, out-of-scope examples predicted as a class counting against its precision', () => {
      // greeting: P 3/4 (one out-of-scope message predicted greeting), R 3/4 -> 0.75
      // order_status: P 3/5, R 3/4 -> 2/3; refund_status: 1; order_cancel: never right -> 0
      expect(metrics.macroF1).toBe(Math.round(((0.75 + 2 / 3 + 1 + 0) / 4) * 10000) / 10000);
      expect(metrics.macroF1).toBe(0.6042);
    });

    it('measures out-of-scope recall over out-of-scope examples', () => {
      expect(metrics.oosRecall).toBe(0.5);
    });

    it('gives in-scope accuracy per language, sorted, with unknown for examples without one', () => {
      expect(metrics.perLanguage).toEqual({ de: 1, en: 0.75, es: 0.6667, fr: 0, unknown: 1 });
      expect(Object.keys(metrics.perLanguage)).toEqual(['de', 'en', 'es', 'fr', 'unknown']);
    });
  });

  it('rounds to four decimals', () => {
    const metrics = computeIntentMetrics([example('a', 'a'), example('a', 'b'), example('a', 'b')]);
    expect(metrics.accuracy).toBe(0.3333);
  });

  it('leaves oosRecall out when there are no out-of-scope examples', () => {
    const metrics = computeIntentMetrics([example('a', 'a', 'en'), example('b', OUT_OF_SCOPE, 'en')]);
    expect(metrics).not.toHaveProperty('oosRecall');
    expect(metrics).toEqual({ accuracy: 0.5, macroF1: 0.5, perLanguage: { en: 0.5 }, inScopeExamples: 2, outOfScopeExamples: 0 });
  });

  it('gives zeros and no languages when only out-of-scope examples are given', () => {
    expect(computeIntentMetrics([example(OUT_OF_SCOPE, OUT_OF_SCOPE, 'en')])).toEqual({
      accuracy: 0,
      macroF1: 0,
      oosRecall: 1,
      perLanguage: {},
      inScopeExamples: 0,
      outOfScopeExamples: 1,
    });
  });

  it('gives zeros for no examples at all', () => {
    expect(computeIntentMetrics([])).toEqual({ accuracy: 0, macroF1: 0, perLanguage: {}, inScopeExamples: 0, outOfScopeExamples: 0 });
  });

  it('gives 1 everywhere for perfect predictions', () => {
    const metrics = computeIntentMetrics([example('a', 'a', 'en'), example('b', 'b', 'ja'), example(OUT_OF_SCOPE, OUT_OF_SCOPE, 'ja')]);
    expect(metrics).toMatchObject({ accuracy: 1, macroF1: 1, oosRecall: 1, perLanguage: { en: 1, ja: 1 } });
  });
});

describe('quantile', () => {
  const values = [5, 1, 3, 2, 4];

  it('takes the value at rank ceil(q * n) of the sorted values', () => {
    expect(quantile(values, 0.5)).toBe(3);
    expect(quantile(values, 0.2)).toBe(1);
    expect(quantile(values, 0.21)).toBe(2);
    expect(quantile(values, 0.95)).toBe(5);
  });

  it('clamps to the smallest and largest value', () => {
    expect(quantile(values, 0)).toBe(1);
    expect(quantile(values, 1)).toBe(5);
    expect(quantile(values, 2)).toBe(5);
  });

  it('does not reorder its input', () => {
    quantile(values, 0.5);
    expect(values).toEqual([5, 1, 3, 2, 4]);
  });

  it('gives 0 for no values', () => {
    expect(quantile([], 0.99)).toBe(0);
  });
});
