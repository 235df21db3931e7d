import { passesLuhn, redactPii, redactPiiDeep } from '../../../platform/logging/redact-pii';

describe('redactPii', () => {
  describe('when the text holds an e-mail address', () => {
    it.each([
      ['write to jane@example.com please', 'write to [email] please'],
      ['jane.doe+shop@example.co.uk', '[email]'],
      ['José: josé@correo.es', 'José: [email]'],
    ])('redacts %j', (text, expected) => {
      expect(redactPii(text)).toBe(expected);
    });
  });

  describe('when the text holds a Luhn-valid card number', () => {
    it.each([
      ['card 4111 1111 1111 1111 thanks', 'card [card] thanks'],
      ['card 4111-1111-1111-1111', 'card [card]'],
      ['4111111111111111', '[card]'],
      ['mastercard 5555 5555 5555 4444', 'mastercard [card]'],
      ['amex 3782 822463 10005', 'amex [card]'],
    ])('redacts %j', (text, expected) => {
      expect(redactPii(text)).toBe(expected);
    });
  });

  describe('when the text holds a phone number', () => {
    it.each([
      ['call me on +34 612 345 678 please', 'call me on [phone] please'],
      ['office 0044 20 7946 0958', 'office [phone]'],
      ['my number is 612345678', 'my number is [phone]'],
      ['+1 (415) 555-2671', '[phone]'],
    ])('redacts %j', (text, expected) => {
      expect(redactPii(text)).toBe(expected);
    });
  });

  describe('when the text holds data that only looks like personal data', () => {
    it.each([
      'where is order #10234?',
      'order ORD-2024-0042 has not arrived',
      'delivered on 2026-11-23 10:00',
      'delivered on 23/11/2026',
      'it cost €1,299.99 and 19.90 EUR shipping',
      'reference 1234567812345678',
      'reference 1234 5678 1234 5678',
      'short',
    ])('keeps %j', (text) => {
      expect(redactPii(text)).toBe(text);
    });
  });

  it('redacts several kinds in one text', () => {
    expect(redactPii('jane@example.com, 4111 1111 1111 1111, +34 612 345 678, order #10234')).toBe(
      '[email], [card], [phone], order #10234',
    );
  });
});

describe('passesLuhn', () => {
  it('accepts valid card numbers and rejects a changed digit', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(passesLuhn('1234567812345678')).toBe(false);
  });
});

describe('redactPiiDeep', () => {
  describe('when given nested objects and arrays', () => {
    it('redacts every string and keeps everything else', () => {
      const input = {
        user: { email: 'jane@example.com', age: 31, vip: true, note: null },
        messages: ['hi', 'call +34 612 345 678', { card: '4111 1111 1111 1111' }],
        order: '#10234',
      };
      expect(redactPiiDeep(input)).toEqual({
        user: { email: '[email]', age: 31, vip: true, note: null },
        messages: ['hi', 'call [phone]', { card: '[card]' }],
        order: '#10234',
      });
      // The input is not modified.
      expect(input.user.email).toBe('jane@example.com');
    });
  });

  describe('when given an error', () => {
    it('returns its type, redacted message and redacted stack', () => {
      const error = new TypeError('no user jane@example.com');
      const result = redactPiiDeep({ err: error }) as { err: { type: string; message: string; stack?: string } };
      expect(result.err.type).toBe('TypeError');
      expect(result.err.message).toBe('no user [email]');
      expect(result.err.stack).toContain('[email]');
      expect(result.err.stack).not.toContain('jane@example.com');
    });
  });

  describe('when the object refers to itself', () => {
    it('cuts the cycle instead of recursing forever', () => {
      const node: Record<string, unknown> = { email: 'jane@example.com' };
      node.self = node;
      expect(redactPiiDeep(node)).toEqual({ email: '[email]', self: '[circular]' });
    });
  });
});
