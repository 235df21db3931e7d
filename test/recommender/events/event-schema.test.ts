import { EventBodyError, parseEventsBody } from '../../../recommender/events';

describe('parseEventsBody', () => {
  it('takes one event, an array, or an envelope with key and sentAt', () => {
    const event = { type: 'view', sku: 'A-1', visitorId: 'v' };
    expect(parseEventsBody(event).items).toEqual([{ ok: true, event }]);
    expect(parseEventsBody([event, event]).items).toHaveLength(2);
    expect(parseEventsBody({ events: [event], key: 'pgd_k', sentAt: '2025-05-01T10:00:00Z' })).toEqual({
      items: [{ ok: true, event }],
      key: 'pgd_k',
      sentAt: Date.parse('2025-05-01T10:00:00Z'),
    });
  });

  it('normalises what it validates: times to epoch ms, e-mails and codes to their canonical case', () => {
    const [item] = parseEventsBody({ type: 'purchase', sku: 'A', email: ' Ana@Example.COM ', country: 'es', currency: 'usd', price: '12.50', at: '2025-05-01T12:00:00+02:00' }).items;
    expect(item).toEqual({ ok: true, event: { type: 'purchase', sku: 'A', email: 'ana@example.com', country: 'ES', currency: 'USD', price: '12.50', at: Date.parse('2025-05-01T10:00:00Z') } });
  });

  it('judges each item alone and names its index and field', () => {
    const { items } = parseEventsBody([
      { type: 'view', sku: 'A', visitorId: 'v' },
      { type: 'view', visitorId: 'v' },
      { type: 'view', sku: 'A', visitorId: 'v', color: 'red' },
      { type: 'search', query: 'socks', visitorId: 'bad id!' },
      'view',
    ]);
    expect(items.map((i) => (i.ok ? 'ok' : i.message))).toEqual([
      'ok',
      'events[1].sku: a view event needs productId or sku',
      'events[2].color: is not a known field',
      expect.stringMatching(/^events\[3\]\.visitorId: must be 1 to 64 letters/),
      expect.stringMatching(/^events\[4\]: /),
    ]);
  });

  it('refuses a body that holds no events, too many, or an envelope with unknown fields', () => {
    const error = (body: unknown) => {
      try {
        parseEventsBody(body);
      } catch (e) {
        return e instanceof EventBodyError ? [e.code, e.message] : ['other', String(e)];
      }
      return ['none', ''];
    };
    expect(error('view')[0]).toBe('invalid_body');
    expect(error([])).toEqual(['invalid_body', 'The batch holds no events.']);
    expect(error({ events: [{}], token: 'x' })).toEqual(['invalid_body', 'token: is not a known field (events, key, sentAt)']);
    expect(error(Array.from({ length: 501 }, () => ({})))[0]).toBe('too_many_events');
  });
});
