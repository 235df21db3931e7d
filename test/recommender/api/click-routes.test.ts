/**
 * The card link route on a real HTTP server and the real event intake, on SQLite and PostgreSQL: a signed link
 * records one `recommendation_click` and redirects to the product page; a forged, edited or malformed one gets 400
 * and records nothing; the same link clicked twice within the window is stored once.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { CatalogImporter } from '../../../commerce';
import { errorHandler } from '../../../platform/http/errors';
import { clickRoutes } from '../../../recommender/api/click-routes';
import { ClickTokens, clickEventId, resolveClickSecret } from '../../../recommender/api/click-token';
import { engines } from '../../support/databases';
import { REDIS_URL, deleteRedisPrefix, uniquePrefix } from '../../support/services';
import { openEventsHarness, type EventsHarness } from '../events/events-harness';
import { Redis } from 'ioredis';

const SECRET = 'test-click-secret-0123456789';

describe.each(engines)('GET /r/:token (%s)', (_engine, create) => {
  let h: EventsHarness;
  let server: Server;
  let url: string;
  let workspaceId: string;
  let productId: string;
  let customerId: string;
  const tokens = new ClickTokens(SECRET);

  beforeAll(async () => {
    h = await openEventsHarness(create);
    workspaceId = await h.database.newWorkspace();
    await new CatalogImporter(h.database.handle.db).import(workspaceId, 'json', {
      products: [
        { sku: 'RUN-1', name: 'Trail Running Shoe', category: 'Shoes', price: '120.00', currency: 'EUR', stock: 5, url: 'https://shop.example.com/products/run-1' },
        { sku: 'TEE-1', name: 'Tech Tee', category: 'Running Apparel', price: '35.00', currency: 'EUR', stock: 5 },
      ],
    });
    productId = (await h.database.handle.db.selectFrom('products').select('id').where('workspace_id', '=', workspaceId).where('sku', '=', 'RUN-1').executeTakeFirstOrThrow()).id;
    // A customer, as the chat's conversation has one.
    await h.recorder.record(workspaceId, [{ type: 'view', productId, email: 'runner@example.com' }]);
    customerId = (await h.commerce.findCustomerByEmail(workspaceId, 'runner@example.com'))!.id;
    const app = express();
    app.use(clickRoutes({ tokens, recorder: h.recorder, catalogue: h.catalogue, dedupWindowMs: 60_000 }));
    app.use(errorHandler(pino({ level: 'silent' })));
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);

  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await h?.close();
  });

  const clicks = async () => (await h.store.history(workspaceId, { customerId })).filter((event) => event.type === 'recommendation_click');
  const open = (token: string) => fetch(`${url}/r/${token}`, { redirect: 'manual' });

  it('records the click for the shopper the card was shown to and redirects to the product page', async () => {
    const token = tokens.sign({ workspaceId, productId, conversationId: 'conv-1', customerId, channel: 'webchat', position: 2 });
    const response = await open(token);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('https://shop.example.com/products/run-1');
    const [click, ...more] = await clicks();
    expect(more).toHaveLength(0);
    expect(click).toMatchObject({ type: 'recommendation_click', productId, customerId, source: 'chat:webchat' });
    expect(click!.context).toMatchObject({ via: 'link', conversationId: 'conv-1', position: 2 });
  });

  it('stores the same link clicked twice within the window once', async () => {
    const token = tokens.sign({ workspaceId, productId, conversationId: 'conv-2', customerId, channel: 'webchat', position: 1 });
    const before = (await clicks()).length;
    expect((await open(token)).status).toBe(302);
    expect((await open(token)).status).toBe(302);
    expect((await clicks()).length).toBe(before + 1);
  });

  it('refuses a forged, edited or malformed token with 400 naming the token, and records nothing', async () => {
    const before = (await clicks()).length;
    const genuine = tokens.sign({ workspaceId, productId, customerId, channel: 'webchat' });
    const [payload] = genuine.split('.') as [string];
    const forged = new ClickTokens('another-secret-of-an-attacker').sign({ workspaceId, productId, customerId, channel: 'webchat' });
    // Another product under the genuine signature: the payload no longer matches it.
    const edited = `${tokens.sign({ workspaceId, productId: 'other', customerId }).split('.')[0]}.${genuine.split('.')[1]}`;
    for (const token of [forged, edited, `${payload}.short`, 'not-a-token', 'x'.repeat(40)]) {
      const response = await open(token);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; field: string; message: string } };
      expect(body.error).toMatchObject({ code: 'invalid_token', field: 'token' });
      expect(body.error.message).toMatch(/^token: /);
    }
    expect((await clicks()).length).toBe(before);
  });

  it('answers 404 for a product that is no longer in the catalogue, and one without a page', async () => {
    expect((await open(tokens.sign({ workspaceId, productId: 'gone' }))).status).toBe(404);
    const tee = (await h.database.handle.db.selectFrom('products').select('id').where('workspace_id', '=', workspaceId).where('sku', '=', 'TEE-1').executeTakeFirstOrThrow()).id;
    expect((await open(tokens.sign({ workspaceId, productId: tee }))).status).toBe(404);
  });
});

describe('clickEventId', () => {
  const click = { workspaceId: 'w', productId: 'p', conversationId: 'c', customerId: 'u', position: 1, issuedAt: 1_000_000 };

  it('is the same within a window, another in the next, and different for another card', () => {
    const first = clickEventId('link', click, 1_000_000 + 5_000, 60_000);
    expect(clickEventId('link', click, 1_000_000 + 59_000, 60_000)).toBe(first);
    expect(clickEventId('link', click, 1_000_000 + 61_000, 60_000)).not.toBe(first);
    expect(clickEventId('link', { ...click, position: 2 }, 1_000_000 + 5_000, 60_000)).not.toBe(first);
    expect(clickEventId('button', click, 1_000_000 + 5_000, 60_000)).not.toBe(first);
    expect(first).toMatch(/^[A-Za-z0-9_.:-]{1,64}$/);
  });
});

describe('resolveClickSecret', () => {
  it('uses the configured secret, else one secret shared by every process through Redis', async () => {
    const prefix = uniquePrefix('click');
    const one = new Redis(REDIS_URL);
    const two = new Redis(REDIS_URL);
    try {
      expect(await resolveClickSecret('configured-secret-1234', one, prefix)).toBe('configured-secret-1234');
      const a = await resolveClickSecret('', one, prefix);
      const b = await resolveClickSecret('', two, prefix);
      expect(a).toBe(b);
      expect(a.length).toBeGreaterThanOrEqual(32);
      // A link signed with it in one process verifies in the other.
      const token = new ClickTokens(a).sign({ workspaceId: 'w', productId: 'p' });
      expect(new ClickTokens(b).verify(token)).toMatchObject({ workspaceId: 'w', productId: 'p' });
    } finally {
      one.disconnect();
      two.disconnect();
      await deleteRedisPrefix(prefix);
    }
  });

  it('refuses a secret shorter than 16 characters', () => {
    expect(() => new ClickTokens('short')).toThrow(/at least 16/);
  });
});
