import { createHmac } from 'node:crypto';
import { isValidWebhookSignature, signWebhookBody } from '../../../../bots/channels/whatsapp-cloud/webhook-signature';

const SECRET = 'app-secret-123';
const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');
const hmac = (secret: string, bytes: Buffer) => createHmac('sha256', secret).update(bytes).digest('hex');

describe('isValidWebhookSignature', () => {
  it("accepts Meta's signature: sha256= and the hex HMAC-SHA256 of the raw body with the app secret", () => {
    expect(isValidWebhookSignature(SECRET, body, `sha256=${hmac(SECRET, body)}`)).toBe(true);
    expect(signWebhookBody(SECRET, body)).toBe(`sha256=${hmac(SECRET, body)}`);
  });

  it('accepts upper-case hex', () => {
    expect(isValidWebhookSignature(SECRET, body, `sha256=${hmac(SECRET, body).toUpperCase()}`)).toBe(true);
  });

  describe('when the signature is forged or missing', () => {
    it.each([
      ['missing', undefined],
      ['empty', ''],
      ['made with another secret', `sha256=${hmac('other', body)}`],
      ['of another body', `sha256=${hmac(SECRET, Buffer.from('{}'))}`],
      ['without the sha256= prefix', hmac(SECRET, body)],
      ['a SHA-1 signature (X-Hub-Signature)', `sha1=${createHmac('sha1', SECRET).update(body).digest('hex')}`],
      ['truncated', `sha256=${hmac(SECRET, body).slice(0, 40)}`],
      ['not hex', `sha256=${'z'.repeat(64)}`],
      ['repeated headers', [`sha256=${hmac(SECRET, body)}`, `sha256=${hmac(SECRET, body)}`]],
    ])('refuses one %s', (_name, header) => {
      expect(isValidWebhookSignature(SECRET, body, header)).toBe(false);
    });
  });

  it('refuses everything when no app secret is configured', () => {
    expect(isValidWebhookSignature('', body, `sha256=${hmac('', body)}`)).toBe(false);
  });

  it('checks the exact bytes: the same JSON re-serialised differently does not pass', () => {
    const spaced = Buffer.from('{ "object": "whatsapp_business_account", "entry": [] }');
    expect(isValidWebhookSignature(SECRET, spaced, `sha256=${hmac(SECRET, body)}`)).toBe(false);
  });
});
