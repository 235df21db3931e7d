import { CatalogImporter } from '../../../commerce';
import { CatalogueStore } from '../../../recommender/catalogue';
import { openCommerceDatabase, type CommerceTestDatabase } from '../../commerce/commerce-test-database';
import { engines } from '../../support/databases';
import { importFixture } from './catalogue-fixture';

describe.each(engines)('CatalogueStore on %s', (_engine, createDatabase) => {
  let database: CommerceTestDatabase;
  let store: CatalogueStore;
  let shop: string;
  let ids: Record<string, string>;

  beforeAll(async () => {
    database = await openCommerceDatabase(createDatabase);
    store = new CatalogueStore(database.handle.db);
    shop = await database.newWorkspace();
    ids = await importFixture(database.handle.db, shop);
  });

  afterAll(async () => {
    await database?.close();
  });

  describe('getMany', () => {
    it('answers the products in the order asked with the title in the wanted language and the price in the wanted currency', async () => {
      const items = await store.getMany(shop, [ids['TEE-1']!, ids['RUN-1']!], { language: 'es-ES', currency: 'USD' });
      expect(items.map((item) => item.sku)).toEqual(['TEE-1', 'RUN-1']);
      expect(items[1]).toMatchObject({
        title: 'Zapatilla de trail',
        titleLanguage: 'es',
        description: 'Suela con agarre para senderos embarrados.',
        brand: 'Stride',
        price: { amountMinor: 13000, currency: 'USD', inRequestedCurrency: true },
        shipsTo: ['DE', 'ES', 'FR'],
        inStock: true,
        active: true,
      });
    });

    it('falls back to the product’s own language and currency, saying so for the price', async () => {
      const [tee] = await store.getMany(shop, [ids['TEE-1']!], { language: 'fr', currency: 'JPY' });
      expect(tee).toMatchObject({ title: 'Tech Tee', titleLanguage: 'en', price: { amountMinor: 3500, currency: 'EUR', inRequestedCurrency: false }, shipsTo: null });
    });

    it('leaves out unknown ids and products of other workspaces', async () => {
      const other = await database.newWorkspace();
      expect(await store.getMany(other, [ids['TEE-1']!])).toEqual([]);
      expect(await store.getMany(shop, ['nope', ids['CAP-1']!])).toEqual([expect.objectContaining({ sku: 'CAP-1', active: false })]);
    });
  });

  describe('listAvailable', () => {
    it('keeps active products with stock that ship to the country, page by page', async () => {
      const toSpain = await store.listAvailable(shop, { country: 'es' });
      expect(toSpain.map((item) => item.sku).sort()).toEqual(['RUN-1', 'TEE-1']);
      const toJapan = await store.listAvailable(shop, { country: 'JP' });
      expect(toJapan.map((item) => item.sku)).toEqual(['TEE-1']);
      const first = await store.listAvailable(shop, { limit: 1 });
      const second = await store.listAvailable(shop, { limit: 1, after: first[0]!.id });
      expect(first).toHaveLength(1);
      expect(second.map((item) => item.id)).not.toContain(first[0]!.id);
    });
  });

  describe('changedSince', () => {
    it('pages the products written after a revision, with names, prices and countries', async () => {
      const revision = await store.revision(shop);
      const all = [];
      for await (const page of store.changedSince(shop, -1, revision, 2)) all.push(...page);
      expect(all.map((record) => record.sku).sort()).toEqual(['CAP-1', 'JKT-1', 'RUN-1', 'TEE-1']);
      expect(all.find((record) => record.sku === 'RUN-1')).toMatchObject({ names: { es: 'Zapatilla de trail', de: 'Traillaufschuh', zh: '越野跑鞋' }, prices: { USD: 13000 } });

      await new CatalogImporter(database.handle.db).import(shop, 'csv-products', 'sku,name,price,currency,stock\nTEE-1,Tech Tee,35.00,EUR,0');
      const next = await store.revision(shop);
      expect(next).toBe(revision + 1);
      const changed = [];
      for await (const page of store.changedSince(shop, revision, next)) changed.push(...page);
      // The CSV had no price_ or name_ columns: the tee keeps its USD price and everything else.
      expect(changed).toEqual([expect.objectContaining({ sku: 'TEE-1', stock: 0, prices: { USD: 3900, GBP: 3000 }, revision: next })]);
    });
  });

  describe('itemContents', () => {
    it('gives the content model every language’s text and the brand, category and attribute tokens', async () => {
      const contents = [];
      for await (const page of store.itemContents(shop)) contents.push(...page);
      const run = contents.find((c) => c.id === ids['RUN-1']);
      expect(run?.text).toContain('Trail Running Shoe');
      expect(run?.text).toContain('越野跑鞋');
      expect(run?.attributes).toEqual(expect.arrayContaining(['brand:stride', 'category:shoes', 'sizes:41']));
    });
  });
});
