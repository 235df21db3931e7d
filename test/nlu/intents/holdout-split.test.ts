import type { IntentExample } from '../../../nlu/intents/intent-classifier';
import { stratifiedHoldout } from '../../../nlu/intents/holdout-split';

function examples(intent: string, count: number, language = 'en'): IntentExample[] {
  return Array.from({ length: count }, (_, i) => ({ text: `${intent} example ${i}`, intent, language }));
}

const DATA: IntentExample[] = [...examples('greeting', 20), ...examples('order_status', 10), ...examples('refund', 7), ...examples('oos', 3)];

const texts = (list: readonly IntentExample[]): string[] => list.map((e) => `${e.language}|${e.text}`).sort();

describe('stratifiedHoldout', () => {
  it('splits the data into two disjoint parts that together hold every example once', () => {
    const { train, holdout } = stratifiedHoldout(DATA, 0.2);
    const held = new Set(holdout);
    expect(train.some((e) => held.has(e))).toBe(false);
    expect(train.length + holdout.length).toBe(DATA.length);
    expect([...train, ...holdout].sort((a, b) => a.text.localeCompare(b.text))).toEqual([...DATA].sort((a, b) => a.text.localeCompare(b.text)));
  });

  it('holds out the same share of every intent (rounded, at least one)', () => {
    const { holdout } = stratifiedHoldout(DATA, 0.2);
    const count = (intent: string): number => holdout.filter((e) => e.intent === intent).length;
    expect(count('greeting')).toBe(4);
    expect(count('order_status')).toBe(2);
    expect(count('refund')).toBe(1);
    expect(count('oos')).toBe(1);
  });

  it('keeps an intent with a single example entirely in training', () => {
    const { train, holdout } = stratifiedHoldout([...DATA, { text: 'only one', intent: 'lonely' }], 0.5);
    expect(holdout.some((e) => e.intent === 'lonely')).toBe(false);
    expect(train.some((e) => e.intent === 'lonely')).toBe(true);
  });

  it('holds out one of two examples even for a tiny fraction', () => {
    const { holdout } = stratifiedHoldout(examples('pair', 2), 0.01);
    expect(holdout).toHaveLength(1);
  });

  it('keeps the input order within each part', () => {
    const { train, holdout } = stratifiedHoldout(DATA, 0.3);
    const position = (e: IntentExample): number => DATA.indexOf(e);
    expect(train.map(position)).toEqual([...train.map(position)].sort((a, b) => a - b));
    expect(holdout.map(position)).toEqual([...holdout.map(position)].sort((a, b) => a - b));
  });

  describe('stability', () => {
    it('picks the same examples however the data is ordered', () => {
      const reversed = stratifiedHoldout([...DATA].reverse(), 0.2);
      expect(texts(reversed.holdout)).toEqual(texts(stratifiedHoldout(DATA, 0.2).holdout));
    });

    it('picks the same examples of an intent when other intents gain examples', () => {
      const before = stratifiedHoldout(DATA, 0.2).holdout.filter((e) => e.intent === 'greeting');
      const after = stratifiedHoldout([...DATA, ...examples('new_intent', 30)], 0.2).holdout.filter((e) => e.intent === 'greeting');
      expect(texts(after)).toEqual(texts(before));
    });

    it('picks by text and language, not by position', () => {
      const english = stratifiedHoldout(examples('greeting', 20, 'en'), 0.2).holdout.map((e) => e.text);
      const german = stratifiedHoldout(examples('greeting', 20, 'de'), 0.2).holdout.map((e) => e.text);
      expect(english).toHaveLength(4);
      expect(german).toHaveLength(4);
      expect(german.sort()).not.toEqual(english.sort());
    });
  });

  it('gives two empty parts for no data', () => {
    expect(stratifiedHoldout([], 0.2)).toEqual({ train: [], holdout: [] });
  });

  it('keeps extra fields of the examples', () => {
    const tagged = DATA.map((e, index) => ({ ...e, index }));
    const { holdout } = stratifiedHoldout(tagged, 0.2);
    for (const e of holdout) expect(tagged[e.index]).toBe(e);
  });
});
