import { UnrecoverableError } from 'bullmq';
import {
  classifyGraphError,
  networkError,
  parseRetryAfter,
  WhatsAppPermanentError,
  WhatsAppRetryableError,
  WhatsAppWindowClosedError,
} from '../../../../bots/channels/whatsapp-cloud/graph-errors';

const metaError = (code: number, details = 'details') => ({ message: `(#${code}) message`, type: 'OAuthException', code, error_data: { details } });

describe('classifyGraphError', () => {
  describe('retries what may pass', () => {
    it.each([
      ['a throughput rate limit', 400, 130429],
      ['a pair rate limit', 400, 131056],
      ['a business rate limit', 400, 80007],
      ['an application rate limit', 400, 4],
      ['an API call rate limit', 400, 613],
      ['a generic temporary error', 500, 131000],
      ['a service outage', 503, 131016],
    ])('%s (HTTP %i, code %i)', (_name, status, code) => {
      const error = classifyGraphError('send message', status, metaError(code));
      expect(error).toBeInstanceOf(WhatsAppRetryableError);
      expect(error.metaCode).toBe(code);
    });

    it.each([429, 500, 502, 503, 504, 408])('HTTP %i without a Meta error', (status) => {
      expect(classifyGraphError('send message', status, undefined)).toBeInstanceOf(WhatsAppRetryableError);
    });

    it('keeps the Retry-After it was given', () => {
      const error = classifyGraphError('send message', 429, metaError(130429), 7000) as WhatsAppRetryableError;
      expect(error.retryAfterMs).toBe(7000);
    });
  });

  describe('stops on what retrying cannot fix', () => {
    it('131047 (outside the 24-hour window) as a window-closed error that names the setting to fix', () => {
      const error = classifyGraphError('send message', 400, metaError(131047));
      expect(error).toBeInstanceOf(WhatsAppWindowClosedError);
      expect(error.message).toContain('WHATSAPP_CLOUD_TEMPLATE');
    });

    it.each([
      ['an undeliverable recipient', 131026],
      ['an invalid parameter', 100],
      ['an expired token', 190],
      ['a missing template', 132001],
    ])('%s (code %i), as a BullMQ UnrecoverableError', (_name, code) => {
      const error = classifyGraphError('send message', 400, metaError(code, 'why'));
      expect(error).toBeInstanceOf(WhatsAppPermanentError);
      expect(error).toBeInstanceOf(UnrecoverableError);
      expect(error.message).toContain(`error ${code}`);
      expect(error.message).toContain('why');
    });

    it('an unknown 4xx', () => {
      expect(classifyGraphError('look up media', 404, undefined)).toBeInstanceOf(WhatsAppPermanentError);
    });
  });

  it('treats network failures as retryable', () => {
    const timeout = Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
    expect(networkError('send message', timeout).message).toBe('send message: Graph API unreachable (timed out)');
    expect(networkError('send message', new TypeError('fetch failed'))).toBeInstanceOf(WhatsAppRetryableError);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
