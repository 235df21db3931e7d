/**
 * Removes personal data from anything about to be logged: e-mail addresses, phone numbers and payment card numbers.
 * Logs leave the platform (to files, collectors, support tickets); shoppers' contact and card data must not.
 */

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// 13-19 digits, optionally grouped by spaces or dashes; checked with Luhn so order numbers survive.
const CARD_CANDIDATE = /(?<![\d-])(?:\d[ -]?){12,18}\d(?![\d-])/g;
// International (+CC ...) or long grouped local numbers: at least 9 digits with phone-like separators.
const PHONE_CANDIDATE = /(?<![\p{L}\p{N}])(?:\+|00)?\d[\d ().-]{7,}\d(?![\p{L}\p{N}])/gu;

/** Luhn checksum: true for valid card numbers. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    let digit = digits.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * Replaces e-mails with `[email]`, Luhn-valid card numbers with `[card]` and phone numbers with `[phone]`.
 * Phone numbers need a leading `+`/`00` or at least 9 digits, so short order numbers (`#10234`) stay readable.
 *
 * @example redactPii('card 4111 1111 1111 1111, mail a@b.com') // 'card [card], mail [email]'
 */
export function redactPii(text: string): string {
  if (text.length < 6) return text;
  let result = text.replace(EMAIL, '[email]');
  result = result.replace(CARD_CANDIDATE, (match) => {
    const digits = match.replace(/\D/g, '');
    return digits.length >= 13 && digits.length <= 19 && passesLuhn(digits) ? '[card]' : match;
  });
  result = result.replace(PHONE_CANDIDATE, (match) => {
    const digits = match.replace(/\D/g, '').length;
    const international = match.startsWith('+') || match.startsWith('00');
    // Dates and times ("2026-11-23 10:00") and plain amounts are not phone numbers.
    if (/^\d{4}-\d{2}-\d{2}/.test(match)) return match;
    // E.164 numbers have at most 15 digits (after the 00 prefix); longer runs are ids, not phones.
    if (digits - (match.startsWith('00') ? 2 : 0) > 15) return match;
    return (international && digits >= 8) || digits >= 9 ? '[phone]' : match;
  });
  return result;
}

/** Deep copy of a log record with {@link redactPii} applied to every string. Cycles are cut. */
export function redactPiiDeep(value: unknown, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return redactPii(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactPiiDeep(item, seen));
  if (value instanceof Error) {
    return { type: value.name, message: redactPii(value.message), stack: value.stack ? redactPii(value.stack) : undefined };
  }
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = redactPiiDeep(item, seen);
  return copy;
}
