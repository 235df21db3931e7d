import { createSqliteDatabase, engines } from '../../support/databases';
import { importFixture } from '../catalogue/catalogue-fixture';
import { call, startApiHarness, type ApiHarness } from './api-harness';

describe.each(engines)('POST /api/events over HTTP on %s', (_engine, createDatabase) => {
  let h: ApiHarness;
  let shop: { workspaceId: string; admin: string; agent: string; events: string };
  let ids: Record<string, string>;

  beforeAll(async () => {
    h = await startApiHarness(createDatabase);
    shop = await h.newShop();
    ids = await importFixture(h.database.handle.db, shop.workspaceId);
  });

  afterAll(async () => {
    await h?.close();
  });

  const post = (json: unknown, token: string = shop.events) => call(`${h.url}/api/events`, { json, token });

  describe('with the workspace’s events key', () => {
    it('stores one event and answers 202', async () => {
      const { status, body } = await post({ type: 'view', sku: 'RUN-1', visitorId: 'v-1' });
      expect(status).toBe(202);
      expect(body).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
      const stored = await h.services.events.history(shop.workspaceId, { visitorId: 'v-1' });
      expect(stored).toEqual([expect.objectContaining({ productId: ids['RUN-1'], source: 'api' })]);
    });

    it('stores the good events of a batch and answers 207 naming each refused one by index, field and reason', async () => {
      const { status, body } = await post({
        events: [
          { type: 'view', sku: 'TEE-1', visitorId: 'v-2', eventId: 'b-1' },
          { type: 'like', sku: 'TEE-1', visitorId: 'v-2' },
          { type: 'view', sku: 'GHOST', visitorId: 'v-2' },
          { type: 'view', sku: 'TEE-1' },
          { type: 'view', sku: 'TEE-1', visitorId: 'v-2', at: '2001-01-01T00:00:00Z' },
        ],
      });
      expect(status).toBe(207);
      expect(body.accepted).toBe(1);
      expect(body.rejected).toEqual([
        { index: 1, code: 'invalid', field: 'type', message: 'events[1].type: must be one of view, add_to_cart, purchase, recommendation_click, search' },
        { index: 2, code: 'unknown_product', field: 'sku', message: 'events[2].sku: No product with sku "GHOST" in this workspace\'s catalogue.' },
        { index: 3, code: 'invalid', field: 'visitorId', message: 'events[3].visitorId: an event needs visitorId, customerId or email' },
        expect.objectContaining({ index: 4, code: 'too_old', field: 'at' }),
      ]);
    });

    it('answers 400 with the list when no event could be stored, and counts the refusals', async () => {
      const before = await h.registry.getSingleMetric('pgdesk_events_rejected_total')?.get();
      const unknownBefore = before?.values.find((v) => v.labels.reason === 'unknown_product')?.value ?? 0;
      const { status, body } = await post([{ type: 'view', sku: 'NOPE', visitorId: 'v' }]);
      expect(status).toBe(400);
      expect(body.error).toMatchObject({ code: 'invalid_events', message: expect.stringContaining('events[0].sku: No product with sku "NOPE"'), rejected: [expect.objectContaining({ index: 0 })] });
      const metrics = await h.registry.metrics();
      expect(metrics).toContain('pgdesk_events_rejected_total{reason="unknown_product"}');
      const after = await h.registry.getSingleMetric('pgdesk_events_rejected_total')?.get();
      expect(after?.values.find((v) => v.labels.reason === 'unknown_product')?.value).toBe(unknownBefore + 1);
    });

    it('counts a resent event once', async () => {
      const event = { type: 'add_to_cart', sku: 'TEE-1', visitorId: 'v-3', eventId: 'retry-1' };
      expect((await post([event])).body).toMatchObject({ accepted: 1, duplicates: 0 });
      expect((await post([event])).body).toMatchObject({ accepted: 0, duplicates: 1 });
      expect(await h.services.events.history(shop.workspaceId, { visitorId: 'v-3' })).toHaveLength(1);
    });

    it('takes a beacon: text/plain JSON with the key inside, and corrects the device clock by sentAt', async () => {
      const deviceAhead = 15 * 60_000;
      const now = Date.now();
      const beacon = JSON.stringify({ key: shop.events, sentAt: new Date(now + deviceAhead).toISOString(), events: [{ type: 'view', sku: 'TEE-1', visitorId: 'beacon', at: now + deviceAhead - 1000 }] });
      const { status, headers } = await call(`${h.url}/api/events`, { body: beacon, type: 'text/plain;charset=UTF-8', origin: 'https://shop.example' });
      expect(status).toBe(202);
      expect(headers.get('access-control-allow-origin')).toBe('*');
      const [stored] = await h.services.events.history(shop.workspaceId, { visitorId: 'beacon' });
      expect(Math.abs(stored!.at - (now - 1000))).toBeLessThan(2000);
    });

    it('answers CORS preflights from any origin', async () => {
      const response = await fetch(`${h.url}/api/events`, {
        method: 'OPTIONS',
        headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
    });
  });

  describe('when the request itself is wrong', () => {
    it('refuses a missing or unknown key (401) and an agent token (403)', async () => {
      const anonymous = await call(`${h.url}/api/events`, { json: { type: 'view', sku: 'TEE-1', visitorId: 'v' } });
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error?.message).toMatch(/events key/);
      expect((await post({ type: 'view', sku: 'TEE-1', visitorId: 'v' }, 'pgd_unknown')).status).toBe(401);
      const agent = await post({ type: 'view', sku: 'TEE-1', visitorId: 'v' }, shop.agent);
      expect(agent.status).toBe(403);
      expect(agent.body.error?.message).toMatch(/events or admin/);
    });

    it('refuses more than 500 events (413), a body that is no events (400) and broken JSON (400)', async () => {
      const many = Array.from({ length: 501 }, (_, i) => ({ type: 'view', sku: 'TEE-1', visitorId: `v${i}` }));
      expect((await post(many)).body.error).toMatchObject({ code: 'too_many_events', message: expect.stringContaining('at most 500') });
      expect((await post(many)).status).toBe(413);
      expect((await post('view')).status).toBe(400);
      expect((await post({ events: [], extra: 1 })).body.error?.message).toMatch(/extra|events/);
      const broken = await call(`${h.url}/api/events`, { body: '{"type": ', type: 'application/json', token: shop.events });
      expect(broken.status).toBe(400);
    });

    it('does not let an events key read or import anything', async () => {
      expect((await call(`${h.url}/api/recommender/events?visitorId=v-1`, { token: shop.events })).status).toBe(403);
      expect((await call(`${h.url}/api/recommender/import/history`, { token: shop.events, json: { format: 'sequences', data: 'u TEE-1' } })).status).toBe(403);
    });
  });

  it('lets an admin create an events key through the token API', async () => {
    const { status, body } = await call(`${h.url}/api/tokens`, { token: shop.admin, json: { name: 'storefront', role: 'events' } });
    expect(status).toBe(201);
    expect((await post({ type: 'view', sku: 'TEE-1', visitorId: 'new-key' }, body.token)).status).toBe(202);
  });
});

describe('POST /api/events when the writer is saturated', () => {
  let h: ApiHarness;

  beforeAll(async () => {
    // A window long enough for the second request to find the first one's events still waiting.
    h = await startApiHarness(createSqliteDatabase, { events: { maxPendingItems: 2, windowMs: 200 } });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('answers 503 with Retry-After instead of holding more events in memory', async () => {
    const shop = await h.newShop();
    await importFixture(h.database.handle.db, shop.workspaceId);
    const events = [
      { type: 'view', sku: 'TEE-1', visitorId: 'a' },
      { type: 'view', sku: 'RUN-1', visitorId: 'a' },
    ];
    const [first, second] = await Promise.all([
      call(`${h.url}/api/events`, { token: shop.events, json: events }),
      new Promise((resolve) => setTimeout(resolve, 50)).then(() => call(`${h.url}/api/events`, { token: shop.events, json: events })),
    ]);
    expect(first.status).toBe(202);
    expect(second.status).toBe(503);
    expect(second.headers.get('retry-after')).toBe('1');
    expect(second.body.error?.code).toBe('busy');
  });
});
