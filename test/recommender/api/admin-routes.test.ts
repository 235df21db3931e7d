import { gzipSync } from 'node:zlib';
import { engines } from '../../support/databases';
import { call, startApiHarness, type ApiHarness } from './api-harness';

const CATALOGUE = {
  products: [
    {
      sku: 'BOOT-9',
      name: 'Hiking Boot',
      price: '149.00',
      currency: 'EUR',
      stock: 4,
      brand: 'Peak',
      category: 'Outdoor',
      prices: { USD: '159.00' },
      shipsTo: ['DE', 'AT'],
      translations: { de: { name: 'Wanderschuh' }, zh: { name: '登山靴' } },
    },
    { sku: 'SOCK-9', name: 'Wool Socks', price: '15.00', currency: 'EUR', stock: 0 },
  ],
};

describe.each(engines)('The recommender admin API over HTTP on %s', (_engine, createDatabase) => {
  let h: ApiHarness;

  beforeAll(async () => {
    h = await startApiHarness(createDatabase);
  });

  afterAll(async () => {
    await h?.close();
  });

  describe('POST /api/recommender/import/catalogue', () => {
    it('imports a JSON catalogue with translations, prices and countries, and serving sees it localised at once', async () => {
      const shop = await h.newShop();
      await call(`${h.url}/api/recommender/catalogue/products?skus=SOCK-9`, { token: shop.agent }); // loads the (empty) catalogue
      const { status, body } = await call(`${h.url}/api/recommender/import/catalogue`, { token: shop.admin, json: { format: 'json', data: CATALOGUE } });
      expect(status).toBe(200);
      expect(body).toMatchObject({ imported: { products: { created: 2, updated: 0 } }, revision: 1 });
      expect(h.published).toContainEqual({ workspaceId: shop.workspaceId, revision: 1 });

      const read = await call(`${h.url}/api/recommender/catalogue/products?skus=BOOT-9,SOCK-9&language=de-AT&currency=usd&country=FR`, { token: shop.agent });
      expect(read.status).toBe(200);
      expect(read.body.products).toEqual([
        expect.objectContaining({ sku: 'BOOT-9', title: 'Wanderschuh', titleLanguage: 'de', price: { amountMinor: 15900, currency: 'USD', inRequestedCurrency: true }, shipsTo: ['AT', 'DE'], available: false }),
        expect.objectContaining({ sku: 'SOCK-9', title: 'Wool Socks', price: { amountMinor: 1500, currency: 'EUR', inRequestedCurrency: false }, available: false }),
      ]);
      const toGermany = await call(`${h.url}/api/recommender/catalogue/products?skus=BOOT-9&country=DE`, { token: shop.agent });
      expect(toGermany.body.products?.[0]).toMatchObject({ available: true });
    });

    it('takes a CSV upload with translation, price and ship-to columns', async () => {
      const shop = await h.newShop();
      const csv = ['sku,name,price,currency,stock,brand,ships_to,name_es,description_es,price_usd', 'CAP-9,Cap,12.00,EUR,3,Stride,ES|PT,Gorra,Gorra ligera,13.50'].join('\n');
      const upload = await call(`${h.url}/api/recommender/import/catalogue?format=csv`, { token: shop.admin, body: csv, type: 'text/csv' });
      expect(upload.status).toBe(200);
      const read = await call(`${h.url}/api/recommender/catalogue/products?skus=CAP-9&language=es&currency=USD`, { token: shop.admin });
      expect(read.body.products?.[0]).toMatchObject({ title: 'Gorra', brand: 'Stride', shipsTo: ['ES', 'PT'], price: { amountMinor: 1350, currency: 'USD' } });
    });

    it('refuses a catalogue with errors, naming their lines and columns, and imports nothing', async () => {
      const shop = await h.newShop();
      const csv = ['sku,name,price,currency,ships_to,name_xx!', 'A-1,Shirt,10.00,EUR,ZZ,', 'A-2,Shirt,abc,EUR,,'].join('\n');
      const { status, body } = await call(`${h.url}/api/recommender/import/catalogue`, { token: shop.admin, json: { format: 'csv', data: csv } });
      expect(status).toBe(400);
      expect(body.error?.code).toBe('invalid_import');
      expect(body.error?.issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ row: 2, field: 'ships_to', message: expect.stringContaining('country code') }),
          expect.objectContaining({ row: 3, field: 'price' }),
        ]),
      );
      const read = await call(`${h.url}/api/recommender/catalogue/products?skus=A-1`, { token: shop.admin });
      expect(read.body.products).toEqual([]);
    });

    it('sends orders to the commerce import', async () => {
      const shop = await h.newShop();
      const { status, body } = await call(`${h.url}/api/recommender/import/catalogue`, { token: shop.admin, json: { format: 'json', data: { products: [], orders: [] } } });
      expect(status).toBe(400);
      expect(body.error?.message).toMatch(/\/api\/commerce\/import/);
    });

    it('is for admins only', async () => {
      const shop = await h.newShop();
      expect((await call(`${h.url}/api/recommender/import/catalogue`, { token: shop.agent, json: { format: 'json', data: CATALOGUE } })).status).toBe(403);
    });
  });

  describe('POST /api/recommender/import/history', () => {
    it('takes a gzipped sequence file upload, creating placeholders when asked', async () => {
      const shop = await h.newShop();
      await call(`${h.url}/api/recommender/import/catalogue`, { token: shop.admin, json: { format: 'json', data: CATALOGUE } });
      const file = gzipSync('u1 BOOT-9 SOCK-9\nu2 SOCK-9 NEW-1\n');
      const refused = await call(`${h.url}/api/recommender/import/history?format=sequences`, { token: shop.admin, body: file, type: 'application/gzip' });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'invalid_history', issues: [{ row: 2, field: 'sku', message: expect.stringContaining('NEW-1') }] });

      const { status, body } = await call(`${h.url}/api/recommender/import/history?format=sequences&createPlaceholders=true&sequenceType=view`, { token: shop.admin, body: file, type: 'application/gzip' });
      expect(status).toBe(200);
      expect(body.imported).toEqual({ events: { inserted: 4, duplicates: 0 }, shoppers: 2, placeholders: 1, customers: { created: 0 } });
      const events = await call(`${h.url}/api/recommender/events?visitorId=u2`, { token: shop.agent });
      expect(events.body.events?.map((e) => e.type)).toEqual(['view', 'view']);
    });

    it('takes a JSON body with base64 data', async () => {
      const shop = await h.newShop();
      await call(`${h.url}/api/recommender/import/catalogue`, { token: shop.admin, json: { format: 'json', data: CATALOGUE } });
      const data = gzipSync('at,type,sku,email\n2024-02-01T08:00:00Z,purchase,BOOT-9,kai@example.com\n').toString('base64');
      const { status, body } = await call(`${h.url}/api/recommender/import/history`, { token: shop.admin, json: { format: 'csv', data, encoding: 'base64' } });
      expect(status).toBe(200);
      expect(body.imported).toMatchObject({ events: { inserted: 1 }, customers: { created: 1 } });
    });

    it('needs the format of an upload', async () => {
      const shop = await h.newShop();
      const { status, body } = await call(`${h.url}/api/recommender/import/history`, { token: shop.admin, body: 'u1 X', type: 'text/plain' });
      expect(status).toBe(400);
      expect(body.error?.message).toMatch(/^query format/);
    });
  });

  describe('GET /api/recommender/events', () => {
    it('pages a visitor’s events newest first and needs exactly one subject', async () => {
      const shop = await h.newShop();
      await call(`${h.url}/api/recommender/import/catalogue`, { token: shop.admin, json: { format: 'json', data: CATALOGUE } });
      const events = [1, 2, 3].map((n) => ({ type: 'view', sku: n === 2 ? 'SOCK-9' : 'BOOT-9', visitorId: 'pager', at: Date.now() - n * 1000 }));
      expect((await call(`${h.url}/api/events`, { token: shop.events, json: events })).status).toBe(202);
      const first = await call(`${h.url}/api/recommender/events?visitorId=pager&limit=2`, { token: shop.agent });
      expect(first.body.events).toHaveLength(2);
      expect(first.body.next).toEqual(expect.any(String));
      const second = await call(`${h.url}/api/recommender/events?visitorId=pager&limit=2&before=${first.body.next}`, { token: shop.agent });
      expect(second.body.events).toHaveLength(1);
      expect(second.body.next).toBeNull();
      const both = await call(`${h.url}/api/recommender/events?visitorId=a&customerId=b`, { token: shop.agent });
      expect(both.status).toBe(400);
      expect(both.body.error?.message).toMatch(/exactly one of customerId and visitorId/);
    });
  });
});
