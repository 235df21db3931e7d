import { decidePromotion } from '../../../workers/model-registry/promotion-policy';

describe('decidePromotion', () => {
  describe('when no version is live', () => {
    it('promotes a candidate with the metric', () => {
      expect(decidePromotion('accuracy', { accuracy: 0.1 }, undefined)).toEqual({ promote: true, reason: 'no live version' });
      expect(decidePromotion('accuracy', { accuracy: 0.1 }, null)).toEqual({ promote: true, reason: 'no live version' });
    });
  });

  describe('when the candidate lacks a numeric primary metric', () => {
    it.each([
      ['missing', {}],
      ['a string', { accuracy: '0.9' }],
      ['NaN', { accuracy: Number.NaN }],
      ['null', { accuracy: null }],
    ])('refuses it when the metric is %s, even with nothing live', (_label, candidate) => {
      expect(decidePromotion('accuracy', candidate, undefined)).toEqual({ promote: false, reason: 'candidate has no numeric accuracy' });
      expect(decidePromotion('accuracy', candidate, { accuracy: 0.5 }).promote).toBe(false);
    });
  });

  describe('when the live version has no numeric primary metric', () => {
    it('promotes the candidate', () => {
      expect(decidePromotion('f1', { f1: 0.3 }, { accuracy: 0.99 })).toEqual({ promote: true, reason: 'live version has no f1' });
    });
  });

  describe('when both have the metric', () => {
    it('promotes a better candidate, saying both values', () => {
      expect(decidePromotion('accuracy', { accuracy: 0.91 }, { accuracy: 0.9 })).toEqual({
        promote: true,
        reason: 'accuracy 0.9100 >= live 0.9000',
      });
    });

    it('promotes an equal candidate (no worse is enough)', () => {
      expect(decidePromotion('accuracy', { accuracy: 0.8 }, { accuracy: 0.8 }).promote).toBe(true);
    });

    it('rejects a worse candidate, saying both values', () => {
      expect(decidePromotion('accuracy', { accuracy: 0.85 }, { accuracy: 0.9 })).toEqual({
        promote: false,
        reason: 'accuracy 0.8500 < live 0.9000',
      });
    });

    it('compares the named metric only', () => {
      expect(decidePromotion('recall', { recall: 0.7, accuracy: 0.1 }, { recall: 0.6, accuracy: 0.9 }).promote).toBe(true);
      expect(decidePromotion('recall', { recall: 0.5, accuracy: 0.99 }, { recall: 0.6, accuracy: 0.1 }).promote).toBe(false);
    });
  });

  describe('with a tolerance', () => {
    it('promotes a candidate worse by no more than the tolerance', () => {
      expect(decidePromotion('accuracy', { accuracy: 0.88 }, { accuracy: 0.9 }, 0.02).promote).toBe(true);
    });

    it('still rejects a candidate worse by more than the tolerance', () => {
      expect(decidePromotion('accuracy', { accuracy: 0.87 }, { accuracy: 0.9 }, 0.02).promote).toBe(false);
    });
  });
});
