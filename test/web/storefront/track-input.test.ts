import { buildEvent } from '../../../web/storefront/track-input';

const ids = { eventId: 'e-1', visitorId: 'v-1', sessionId: 's-1', now: Date.UTC(2025, 4, 1, 10) };

describe('buildEvent', () => {
  it('makes the API’s event from a track call, with the ids, the time and the known shopper', () => {
    const result = buildEvent('purchase', { sku: ' RUN-1 ', price: 120, currency: 'EUR', quantity: 1, url: 'https://shop.example/?email=x' }, ids, { email: 'ana@example.com' });
    expect(result).toEqual({
      ok: true,
      event: { eventId: 'e-1', type: 'purchase', visitorId: 'v-1', sessionId: 's-1', at: '2025-05-01T10:00:00.000Z', email: 'ana@example.com', sku: 'RUN-1', price: 120, currency: 'EUR', quantity: 1 },
    });
  });

  it('sends nothing the page did not pass (no address, referrer or user agent)', () => {
    const result = buildEvent('view', { sku: 'A', referrer: 'x', userAgent: 'y' }, ids, {});
    expect(result.ok && Object.keys(result.event).sort()).toEqual(['at', 'eventId', 'sessionId', 'sku', 'type', 'visitorId']);
  });

  it('refuses an unknown type and a product event without product', () => {
    expect(buildEvent('like', { sku: 'A' }, ids, {})).toEqual({ ok: false, error: expect.stringContaining('unknown event type "like"') });
    expect(buildEvent('view', {}, ids, {})).toEqual({ ok: false, error: 'a view event needs a sku or productId' });
    expect(buildEvent('search', { query: 'socks' }, ids, {}).ok).toBe(true);
  });
});
