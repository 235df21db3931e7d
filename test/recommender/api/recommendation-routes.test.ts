import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import express from 'express';
import pino from 'pino';
import { CatalogImporter, CommerceStore } from '../../../commerce';
import { ApiTokenStore } from '../../../platform/auth';
import { errorHandler } from '../../../platform/http/errors';
import { createRecommenderRoutes, createRecommenderServices, type RecommenderServices } from '../../../recommender/api';
import { createRecommendationService } from '../../../recommender/serving';
import { openCommerceDatabase, type CommerceTestDatabase } from '../../commerce/commerce-test-database';
import { engines } from '../../support/databases';
import { importFixture } from '../catalogue/catalogue-fixture';
import { call } from './api-harness';

const PATH = '/api/recommender/recommendations';

describe.each(engines)('POST /api/recommender/recommendations on %s', (_engine, createDatabase) => {
  let database: CommerceTestDatabase;
  let services: RecommenderServices;
  let server: Server;
  let url: string;
  let shop: { workspaceId: string; ids: Record<string, string>; admin: string; agent: string; events: string };

  beforeAll(async () => {
    database = await openCommerceDatabase(createDatabase);
    const { db, engine } = database.handle;
    const tokens = new ApiTokenStore(db);
    services = createRecommenderServices({ db, engine, commerce: new CommerceStore(db), catalogue: { refreshMs: 60_000 } });
    // No trained model: the route must still answer with the shippable products.
    const serving = createRecommendationService({ catalogue: services.catalogue, events: services.events, liveModel: async () => undefined });
    const routes = createRecommenderRoutes({ services, tokens, catalogImporter: new CatalogImporter(db), webAssetsDir: '/nonexistent', serving });
    const app = express();
    app.use(routes.rawRouter);
    app.use(express.json({ limit: '256kb' }));
    app.use(routes.router);
    app.use(errorHandler(pino({ level: 'silent' })));
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${PATH}`;
    const workspaceId = await database.newWorkspace();
    const ids = await importFixture(db, workspaceId);
    const make = async (role: 'admin' | 'agent' | 'events') => (await tokens.create({ workspaceId, role, name: role })).token;
    shop = { workspaceId, ids, admin: await make('admin'), agent: await make('agent'), events: await make('events') };
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await services?.close();
    await database?.close();
  });

  it('answers an agent with the shippable, in-stock products, localised and explained', async () => {
    const { status, body } = await call(url, { token: shop.agent, json: { subject: { customerId: 'unknown' }, country: 'es', language: 'es', currency: 'USD', limit: 4 } });
    expect(status).toBe(200);
    const result = body as unknown as { products: Array<{ product: { sku: string; title: string; price: { currency: string } }; reason: { kind: string; text: string } }>; model: unknown; relaxed: boolean };
    // The jacket is out of stock and the cap withdrawn: the shoe (ships to ES) and the tee (everywhere) remain.
    expect(result.products.map((p) => p.product.sku).sort()).toEqual(['RUN-1', 'TEE-1']);
    expect(result.products.find((p) => p.product.sku === 'RUN-1')?.product).toMatchObject({ title: 'Zapatilla de trail', price: { currency: 'USD' } });
    expect(result.products[0]!.reason).toEqual({ kind: 'popular', text: 'De nuestro catálogo' });
    expect(result.model).toEqual({ kind: 'popularity-fallback', version: null });
  });

  it('lets a storefront events key ask "similar to this", from any origin', async () => {
    const { status, body, headers } = await call(url, { token: shop.events, origin: 'https://shop.example', json: { seedProductId: shop.ids['TEE-1'], country: 'ES' } });
    expect(status).toBe(200);
    expect(headers.get('access-control-allow-origin')).toBe('*');
    // The seed itself is never the answer; the shoe is the other product that may be shown in Spain.
    expect((body as unknown as { products: Array<{ product: { sku: string } }> }).products.map((p) => p.product.sku)).toEqual(['RUN-1']);
    // In the US only the tee may be shown, and it is the seed: nothing else can be.
    const us = await call(url, { token: shop.events, json: { seedProductId: shop.ids['TEE-1'], country: 'US' } });
    expect((us.body as unknown as { products: unknown[] }).products).toEqual([]);
  });

  it('refuses an events key that names a customer', async () => {
    const { status, body } = await call(url, { token: shop.events, json: { subject: { customerId: 'someone' } } });
    expect(status).toBe(403);
    expect(body.error?.message).toMatch(/customerId/);
  });

  it('answers bad input with 400 naming the field', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ limit: 0 }, /^body limit: /],
      [{ limit: 51 }, /^body limit: /],
      [{ country: 'XX' }, /^body country: .*ISO 3166/],
      [{ currency: 'EURO' }, /^body currency: /],
      [{ rules: { price: { minMinor: 500, maxMinor: 100 } } }, /^body rules.price.minMinor: /],
      [{ rules: { price: { maxMinor: 9.5 } } }, /^body rules.price.maxMinor: /],
      [{ rules: { maxPerBrand: 0 } }, /^body rules.maxPerBrand: /],
      [{ subject: { visitorId: 'has spaces' } }, /^body subject.visitorId: /],
      [{ seedProductId: '' }, /^body seedProductId: /],
      [{ workspaceId: 'another-shop' }, /^body: .*workspaceId/],
    ];
    for (const [json, message] of cases) {
      const { status, body } = await call(url, { token: shop.admin, json });
      expect({ json, status }).toEqual({ json, status: 400 });
      expect(body.error?.message).toMatch(message);
    }
  });

  it('needs a token', async () => {
    expect((await call(url, { json: {} })).status).toBe(401);
  });
});
