import { CommerceStore, seedDemoStore } from '../../../commerce';
import { CatalogueCache, CatalogueStore } from '../../../recommender/catalogue';
import { collectSequences, EventExporter, EventStore, generateDemoHistory, seedDemoHistory } from '../../../recommender/events';
import { WriteBatcher } from '../../../platform/database';
import { openCommerceDatabase, type CommerceTestDatabase } from '../../commerce/commerce-test-database';
import { engines } from '../../support/databases';

const NOW = Date.UTC(2025, 5, 1, 12);

describe.each(engines)('The demo store for the recommender on %s', (_engine, createDatabase) => {
  let database: CommerceTestDatabase;
  let shop: string;
  let seeded: Awaited<ReturnType<typeof seedDemoHistory>>;

  beforeAll(async () => {
    database = await openCommerceDatabase(createDatabase);
    shop = await database.newWorkspace();
    await seedDemoStore(database.handle.db, shop, NOW);
    seeded = await seedDemoHistory(database.handle.db, shop, { now: NOW });
  });

  afterAll(async () => {
    await database?.close();
  });

  describe('the catalogue', () => {
    it('has 60 to 100 products across shoes, running apparel, outdoor and accessories, with brands', async () => {
      const snapshot = await new CatalogueCache(new CatalogueStore(database.handle.db)).get(shop);
      expect(snapshot.size).toBeGreaterThanOrEqual(60);
      expect(snapshot.size).toBeLessThanOrEqual(100);
      const all = snapshot.select({ availableOnly: false });
      const categories = new Set(all.map((i) => snapshot.categoryAt(i)));
      for (const category of ['Shoes', 'Running Apparel', 'Outdoor', 'Accessories']) expect(categories).toContain(category);
      expect(all.every((i) => snapshot.brandAt(i))).toBe(true);
      expect(all.filter((i) => !snapshot.isAvailable(i)).length).toBeGreaterThanOrEqual(5);
    });

    it('names every product in English, Spanish, German, French and Chinese, and prices it in EUR and USD', async () => {
      const snapshot = await new CatalogueCache(new CatalogueStore(database.handle.db)).get(shop);
      for (const i of snapshot.select({ availableOnly: false })) {
        for (const language of ['en', 'es', 'de', 'fr', 'zh']) expect(snapshot.title(i, language).language).toBe(language);
        expect(snapshot.price(i, 'EUR').inRequestedCurrency).toBe(true);
        expect(snapshot.price(i, 'USD').inRequestedCurrency).toBe(true);
      }
      const shoe = snapshot.indexOfSku('RUN-SHO-TRL')!;
      expect(snapshot.title(shoe, 'es').text).toBe('Zapatilla de trail running');
      expect(snapshot.title(shoe, 'zh').text).toBe('越野跑鞋');
      const details = await new CatalogueStore(database.handle.db).getMany(shop, [snapshot.idAt(shoe)], { language: 'fr' });
      expect(details[0]?.description).toMatch(/crampons/i);
    });

    it('has products that do not ship everywhere', async () => {
      const snapshot = await new CatalogueCache(new CatalogueStore(database.handle.db)).get(shop);
      const tent = snapshot.indexOfSku('OUT-TNT-2P')!;
      expect(snapshot.shipsTo(tent, 'DE')).toBe(true);
      expect(snapshot.shipsTo(tent, 'US')).toBe(false);
      expect(snapshot.select({ country: 'CN' }).length).toBeLessThan(snapshot.select({ country: 'DE' }).length);
    });
  });

  describe('the history', () => {
    it('is written once, a few thousand events over the four weeks before the seed', async () => {
      expect(seeded).toEqual({ seeded: true, events: expect.any(Number) });
      if (!seeded.seeded) return;
      expect(seeded.events).toBeGreaterThan(1500);
      expect(seeded.events).toBeLessThan(10_000);
      expect(await seedDemoHistory(database.handle.db, shop, { now: NOW })).toEqual({ seeded: false });
      const span = await database.handle.db
        .selectFrom('interaction_events')
        .select((eb) => [eb.fn.min('at').as('first'), eb.fn.max('at').as('last')])
        .where('workspace_id', '=', shop)
        .executeTakeFirstOrThrow();
      expect(Number(span.first)).toBeGreaterThanOrEqual(NOW - 28 * 86_400_000);
      expect(Number(span.last)).toBeLessThan(NOW);
    });

    it('never puts out-of-stock products in a cart nor sells what does not ship to the shopper', async () => {
      const rows = await database.handle.db
        .selectFrom('interaction_events')
        .innerJoin('products', 'products.id', 'interaction_events.product_id')
        .select(['interaction_events.type', 'interaction_events.country', 'products.stock', 'products.id'])
        .where('interaction_events.workspace_id', '=', shop)
        .where('interaction_events.type', 'in', ['add_to_cart', 'purchase'])
        .execute();
      expect(rows.length).toBeGreaterThan(300);
      expect(rows.filter((r) => r.stock === 0)).toEqual([]);
      const limits = await database.handle.db.selectFrom('product_ship_countries').select(['product_id', 'country']).execute();
      const shipsTo = new Map<string, Set<string>>();
      for (const l of limits) shipsTo.set(l.product_id, (shipsTo.get(l.product_id) ?? new Set()).add(l.country.trim()));
      expect(rows.filter((r) => r.type === 'purchase' && shipsTo.has(r.id) && !shipsTo.get(r.id)!.has(r.country!.trim()))).toEqual([]);
    });

    it('has signal: products of one mission go together far more often than by chance', async () => {
      const store = new EventStore(database.handle.db, new WriteBatcher(database.handle.db, database.handle.engine));
      const sequences = await collectSequences(new EventExporter(database.handle.db, store).sequences(shop));
      const snapshot = await new CatalogueCache(new CatalogueStore(database.handle.db)).get(shop);
      const tent = snapshot.idAt(snapshot.indexOfSku('OUT-TNT-2P')!);
      const bag = snapshot.idAt(snapshot.indexOfSku('OUT-SLB-3SN')!);
      const withTent = sequences.filter((s) => s.items.includes(tent));
      const share = (list: typeof sequences) => list.filter((s) => s.items.includes(bag)).length / list.length;
      expect(withTent.length).toBeGreaterThan(10);
      expect(share(withTent)).toBeGreaterThan(4 * share(sequences));
    });

    it('gives the demo customers their own history: María runs', async () => {
      const maria = await new CommerceStore(database.handle.db).findCustomerByEmail(shop, 'maria.garcia@example.com');
      const store = new EventStore(database.handle.db, new WriteBatcher(database.handle.db, database.handle.engine));
      const products = await store.recentProducts(shop, { customerId: maria!.id });
      const skus = (await new CatalogueStore(database.handle.db).getMany(shop, products)).map((p) => p.sku);
      expect(skus.length).toBeGreaterThan(0);
      expect(skus.some((sku) => sku.startsWith('RUN-') || sku.startsWith('ACC-'))).toBe(true);
    });
  });

  it('generates the same history for the same catalogue, seed and time', () => {
    const catalogue = [
      { sku: 'RUN-SHO-AIR', inStock: true, shipsTo: null },
      { sku: 'RUN-SCK-CMP', inStock: true, shipsTo: null },
      { sku: 'OUT-TNT-2P', inStock: true, shipsTo: ['DE'] },
    ];
    const first = generateDemoHistory(catalogue, { now: NOW, visitors: 50 });
    expect(generateDemoHistory(catalogue, { now: NOW, visitors: 50 })).toEqual(first);
    expect(generateDemoHistory(catalogue, { now: NOW, visitors: 50, seed: 7 })).not.toEqual(first);
  });
});
