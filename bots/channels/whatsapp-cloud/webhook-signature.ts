/**
 * Meta signs every webhook POST with the app secret: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw
 * body>`. The check runs over the exact bytes received (a re-serialised JSON body would not match) and compares in
 * constant time, so a forger learns nothing from how long a refusal takes.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header Meta puts the signature in (lower case, as Node exposes headers). */
export const SIGNATURE_HEADER = 'x-hub-signature-256';

/** The signature Meta would send for `rawBody` (for the fake provider in tests, and for documentation). */
export function signWebhookBody(appSecret: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/**
 * True when `header` is a valid signature of `rawBody` made with `appSecret`. A missing, malformed or wrong
 * signature, and an empty secret, are all refused.
 */
export function isValidWebhookSignature(appSecret: string, rawBody: Buffer, header: string | string[] | undefined): boolean {
  if (!appSecret || typeof header !== 'string') return false;
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1], 'hex');
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}
