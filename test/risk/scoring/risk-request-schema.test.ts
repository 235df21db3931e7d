import { RiskRequestError, parseRiskRequest } from '../../../risk';

const NOW = Date.UTC(2025, 4, 1);

describe('parseRiskRequest', () => {
  it('builds a request from a valid body, times as ISO strings or milliseconds', () => {
    const request = parseRiskRequest(
      {
        action: 'change_address',
        eventId: 'req-1',
        customer: { id: 'c-9', createdAt: '2025-04-01T00:00:00Z', email: 'ana@example.com' },
        order: { value: 120.5, shippingCountry: 'PT', shippingAddress: 'Rua A 1, Lisboa' },
        device: { ip: '192.0.2.1' },
        channel: 'whatsapp',
      },
      'ws-1',
      NOW,
    );
    expect(request).toEqual({
      workspaceId: 'ws-1',
      action: 'change_address',
      eventId: 'req-1',
      at: NOW,
      customer: { id: 'c-9', createdAt: Date.UTC(2025, 3, 1), email: 'ana@example.com' },
      order: { value: 120.5, shippingCountry: 'PT', shippingAddress: 'Rua A 1, Lisboa' },
      device: { ip: '192.0.2.1' },
      channel: 'whatsapp',
    });
  });

  it.each([
    [{ customer: { id: 'c', createdAt: 0 } }, 'action'],
    [{ action: 'order', customer: { id: 'c', createdAt: 0 } }, 'order'],
    [{ action: 'refund_request', customer: { id: 'c' } }, 'customer.createdAt'],
    [{ action: 'refund_request', customer: { id: 'c', createdAt: 'yesterday' } }, 'customer.createdAt'],
    [{ action: 'order', customer: { id: 'c', createdAt: 0 }, order: { value: -1 } }, 'order.value'],
    [{ action: 'order', customer: { id: 'c', createdAt: 0 }, order: { vaule: 3 } }, 'order.value'],
    [{ action: 'hack', customer: { id: 'c', createdAt: 0 } }, 'action'],
  ])('names the bad field of %j', (body, field) => {
    try {
      parseRiskRequest(body, 'ws-1', NOW);
      throw new Error('expected a RiskRequestError');
    } catch (error) {
      expect(error).toBeInstanceOf(RiskRequestError);
      expect((error as RiskRequestError).field).toBe(field);
    }
  });

  it('accepts unknown category values: they are scored, not rejected', () => {
    const request = parseRiskRequest({ action: 'order', customer: { id: 'c', createdAt: 0, sex: 'unspecified' }, order: { value: 1 }, device: { browser: 'Netscape' }, source: 'TikTok' }, 'w', NOW);
    expect(request.device?.browser).toBe('Netscape');
    expect(request.source).toBe('TikTok');
  });
});
