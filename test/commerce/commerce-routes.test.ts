import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { CatalogImporter, CommerceStore, commerceRoutes, seedDemoStore } from '../../commerce';
import { ApiTokenStore } from '../../platform/auth';
import { errorHandler } from '../../platform/http/errors';
import { createSqliteDatabase } from '../support/databases';
import { openCommerceDatabase, type CommerceTestDatabase } from './commerce-test-database';

describe('The commerce routes over HTTP', () => {
  let database: CommerceTestDatabase;
  let server: Server;
  let baseUrl: string;
  let adminToken: string;
  let agentToken: string;
  let otherShopToken: string;

  beforeAll(async () => {
    database = await openCommerceDatabase(createSqliteDatabase);
    const { db } = database.handle;
    const tokens = new ApiTokenStore(db);
    const shop = await database.newWorkspace();
    await seedDemoStore(db, shop);
    adminToken = (await tokens.create({ workspaceId: shop, role: 'admin', name: 'admin' })).token;
    agentToken = (await tokens.create({ workspaceId: shop, role: 'agent', name: 'agent' })).token;
    otherShopToken = (await tokens.create({ workspaceId: await database.newWorkspace(), role: 'admin', name: 'other' })).token;
    const app = express();
    app.use(express.json({ limit: '1mb' }));
    app.use(commerceRoutes({ store: new CommerceStore(db), importer: new CatalogImporter(db), tokens }));
    app.use(errorHandler(pino({ level: 'silent' })));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await database?.close();
  });

  async function call(path: string, init: { token?: string; json?: unknown; method?: string } = {}) {
    const headers: Record<string, string> = {};
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}${path}`, {
      method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
      headers,
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { code: string; message: string } } };
  }

  describe('GET /api/commerce/orders/:orderNumber', () => {
    it('answers an agent with the order, its customer, lines, tracking link and history, dates in ISO 8601', async () => {
      const { status, body } = await call('/api/commerce/orders/%23a1b2c3', { token: agentToken });
      expect(status).toBe(200);
      expect(body.order).toMatchObject({
        orderNumber: 'A1B2C3',
        status: 'in_transit',
        total: { amountMinor: 18800, currency: 'EUR' },
        customer: { email: 'li.wei@example.com', displayName: '李伟' },
        carrier: 'SF Express',
        trackingUrl: expect.stringContaining('SF1234567890123'),
        expectedDeliveryAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        items: [expect.objectContaining({ sku: 'SWT-MER-GRY', unitPrice: { amountMinor: 8900, currency: 'EUR' } }), expect.anything()],
        events: [expect.objectContaining({ type: 'imported', actor: 'demo' })],
      });
    });

    it('answers 404 for an order of another workspace', async () => {
      const { status, body } = await call('/api/commerce/orders/A1B2C3', { token: otherShopToken });
      expect(status).toBe(404);
      expect(body.error).toEqual({ code: 'not_found', message: 'No order A1B2C3 in this workspace.' });
    });

    it('answers 400 naming the parameter for text that cannot be an order number', async () => {
      const { status, body } = await call(`/api/commerce/orders/${encodeURIComponent('my order!')}`, { token: agentToken });
      expect(status).toBe(400);
      expect(body.error?.code).toBe('invalid_request');
      expect(body.error?.message).toMatch(/^path orderNumber: /);
    });

    it('answers 401 without a token', async () => {
      expect((await call('/api/commerce/orders/A1B2C3')).status).toBe(401);
    });
  });

  describe('GET /api/commerce/products', () => {
    it('searches the catalogue for an agent', async () => {
      const { status, body } = await call('/api/commerce/products?query=scarf', { token: agentToken });
      expect(status).toBe(200);
      const products = body.products as Array<{ sku: string; price: unknown; inStock: boolean }>;
      expect(products.map((p) => p.sku).sort()).toEqual(['SCF-CSH-CML', 'SCF-SLK-FLR']);
      expect(products[0]?.price).toEqual({ amountMinor: expect.any(Number), currency: 'EUR' });
      expect(body.nextOffset).toBeNull();
    });

    it('pages with limit and offset and filters by stock', async () => {
      const first = await call('/api/commerce/products?limit=5', { token: adminToken });
      expect(first.body.nextOffset).toBe(5);
      const inStock = await call('/api/commerce/products?inStock=true&limit=100', { token: adminToken });
      expect((inStock.body.products as Array<{ inStock: boolean }>).every((p) => p.inStock)).toBe(true);
    });

    it.each([['limit=0'], ['limit=1000'], ['inStock=yes'], ['offset=-1'], ['query=a&query=b']])('answers 400 for %s', async (query) => {
      const { status, body } = await call(`/api/commerce/products?${query}`, { token: agentToken });
      expect(status).toBe(400);
      expect(body.error?.message).toMatch(/^query /);
    });
  });

  describe('POST /api/commerce/import', () => {
    const csv = 'sku,name,price,currency,stock\nHAT-2,Straw Hat,35.00,EUR,8';

    it('imports a CSV for an admin and answers with the counts', async () => {
      const { status, body } = await call('/api/commerce/import', { token: adminToken, json: { format: 'csv-products', data: csv } });
      expect(status).toBe(200);
      expect(body.imported).toMatchObject({ products: { created: 1, updated: 0 } });
      const search = await call('/api/commerce/products?query=straw', { token: agentToken });
      expect((search.body.products as Array<{ sku: string }>).map((p) => p.sku)).toEqual(['HAT-2']);
    });

    it('imports a JSON document given as an object', async () => {
      const document = { products: [{ sku: 'HAT-3', name: 'Wool Beanie', price: '19.00', currency: 'EUR' }] };
      const { status, body } = await call('/api/commerce/import', { token: adminToken, json: { format: 'json', data: document } });
      expect(status).toBe(200);
      expect(body.imported).toMatchObject({ products: { created: 1 } });
    });

    it('forbids agents', async () => {
      const { status, body } = await call('/api/commerce/import', { token: agentToken, json: { format: 'csv-products', data: csv } });
      expect(status).toBe(403);
      expect(body.error?.code).toBe('forbidden');
    });

    it('answers 400 invalid_import listing each problem with row and field', async () => {
      const bad = 'sku,name,price,currency\nA-1,Ok,1,EUR\nA-2,Bad,one,EUR';
      const { status, body } = await call('/api/commerce/import', { token: adminToken, json: { format: 'csv-products', data: bad } });
      expect(status).toBe(400);
      expect(body.error).toMatchObject({
        code: 'invalid_import',
        message: expect.stringContaining('nothing was imported'),
        issueCount: 1,
        issues: [{ section: 'products', row: 3, field: 'price', message: expect.any(String) }],
      });
      const search = await call('/api/commerce/products?query=A-1', { token: agentToken });
      expect(search.body.products).toEqual([]);
    });

    it.each([
      [{ format: 'xml', data: '<a/>' }, /^body format: /],
      [{ format: 'csv-orders', data: { orders: [] } }, /^body data: .*CSV text/],
      [{ format: 'json' }, /^body data: /],
      [{ format: 'json', data: {}, extra: 1 }, /^body: /],
    ])('answers 400 invalid_request for the body %j', async (json, message) => {
      const { status, body } = await call('/api/commerce/import', { token: adminToken, json });
      expect(status).toBe(400);
      expect(body.error?.code).toBe('invalid_request');
      expect(body.error?.message).toMatch(message);
    });
  });
});
