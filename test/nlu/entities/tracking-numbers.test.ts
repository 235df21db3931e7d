import { findTrackingNumbers } from '../../../nlu/entities';

const found = (text: string): Array<[string, string | undefined]> =>
  findTrackingNumbers(text).map((e) => [e.value.normalized, e.value.carrier]);

describe('findTrackingNumbers', () => {
  describe('by shape, anywhere in the text', () => {
    it.each([
      ['UPS 1Z999AA10123456784', '1Z999AA10123456784', 'ups'],
      ['ups 1z 999 aa1 01 2345 6784', '1Z999AA10123456784', 'ups'],
      ['包裹 LX123456789CN 到哪了', 'LX123456789CN', 'upu'],
      ['RR123456785DE', 'RR123456785DE', 'upu'],
      ['顺丰单号SF1234567890123', 'SF1234567890123', 'sf-express'],
      ['USPS 9400111899223197428490', '9400111899223197428490', 'usps'],
      ['USPS 9400 1000 0000 0000 0000 00', '9400100000000000000000', 'usps'],
      ['LP00123456789012 菜鸟', 'LP00123456789012', 'cainiao'],
      ['YT2212345678901234', 'YT2212345678901234', 'cainiao'],
    ])('reads %j', (text, normalized, carrier) => {
      expect(found(text)).toEqual([[normalized, carrier]]);
    });

    it('keeps the span as written', () => {
      const [entity] = findTrackingNumbers('tracking: 9400 1000 0000 0000 0000 00.');
      expect(entity).toMatchObject({ start: 10, end: 37, text: '9400 1000 0000 0000 0000 00' });
    });
  });

  describe('bare digits', () => {
    it('are FedEx (12/15 digits) or DHL (10 digits) next to a tracking word or the carrier name', () => {
      expect(found('FedEx 123456789012')).toEqual([['123456789012', 'fedex']]);
      expect(found('my tracking number is 123456789012345')).toEqual([['123456789012345', 'fedex']]);
      expect(found('DHL 1234567890')).toEqual([['1234567890', 'dhl']]);
      expect(found('Sendungsnummer 1234567890')).toEqual([['1234567890', 'dhl']]);
      expect(found('运单 1234567890')).toEqual([['1234567890', 'dhl']]);
    });

    it('are nothing without that context', () => {
      expect(found('call 4155552671')).toEqual([]);
      expect(found('order 123456789012')).toEqual([]);
    });
  });

  it('finds nothing in plain text, years or sizes', () => {
    expect(found('I want 2 shirts in size 42, bought in 2024')).toEqual([]);
  });
});
