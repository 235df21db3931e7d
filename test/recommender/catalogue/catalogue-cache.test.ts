import { Redis } from 'ioredis';
import { CatalogImporter } from '../../../commerce';
import { CatalogueCache, CatalogueStore, publishCatalogueChanged, subscribeCatalogueChanged, type CatalogueChangedEvent } from '../../../recommender/catalogue';
import { openCommerceDatabase, type CommerceTestDatabase } from '../../commerce/commerce-test-database';
import { engines } from '../../support/databases';
import { REDIS_URL, uniquePrefix } from '../../support/services';
import { waitFor } from '../../support/wait-for';
import { importFixture } from './catalogue-fixture';

describe.each(engines)('CatalogueCache on %s', (_engine, createDatabase) => {
  let database: CommerceTestDatabase;
  let store: CatalogueStore;
  let importer: CatalogImporter;

  beforeAll(async () => {
    database = await openCommerceDatabase(createDatabase);
    store = new CatalogueStore(database.handle.db);
    importer = new CatalogImporter(database.handle.db);
  });

  afterAll(async () => {
    await database?.close();
  });

  it('loads a workspace once, however many ask at the same time', async () => {
    const shop = await database.newWorkspace();
    await importFixture(database.handle.db, shop);
    const revision = jest.spyOn(store, 'revision');
    const cache = new CatalogueCache(store);
    const [a, b] = await Promise.all([cache.get(shop), cache.get(shop)]);
    expect(a).toBe(b);
    expect(a.size).toBe(4);
    expect(a.revision).toBe(1);
    expect(revision).toHaveBeenCalledTimes(1);
    revision.mockRestore();
  });

  it('answers from memory until refreshMs has passed, then picks up changes in the background', async () => {
    const shop = await database.newWorkspace();
    await importFixture(database.handle.db, shop);
    let now = 1_000;
    const cache = new CatalogueCache(store, { refreshMs: 5_000, now: () => now });
    const snapshot = await cache.get(shop);
    await importer.import(shop, 'csv-products', 'sku,name,price,currency,stock\nTEE-1,Tech Tee,35.00,EUR,0\nNEW-1,Sock,5.00,EUR,1');
    now += 1_000;
    expect((await cache.get(shop)).indexOfSku('NEW-1')).toBeUndefined();
    now += 5_000;
    await cache.get(shop); // starts the background check
    await waitFor(async () => snapshot.indexOfSku('NEW-1') !== undefined, 5_000);
    expect(snapshot.isAvailable(snapshot.indexOfSku('TEE-1')!)).toBe(false);
    expect(snapshot.revision).toBe(2);
  });

  it('follows change events published on Redis at once', async () => {
    const shop = await database.newWorkspace();
    await importFixture(database.handle.db, shop);
    const cache = new CatalogueCache(store, { refreshMs: 3_600_000 });
    const snapshot = await cache.get(shop);
    const prefix = uniquePrefix('cat');
    const subscriber = new Redis(REDIS_URL);
    const publisher = new Redis(REDIS_URL);
    const received: CatalogueChangedEvent[] = [];
    const unsubscribe = await subscribeCatalogueChanged(subscriber, prefix, (event) => {
      received.push(event);
      cache.handle(event);
    });
    try {
      await importer.import(shop, 'json', { products: [{ sku: 'RUN-1', name: 'Trail Running Shoe', price: '99.00', currency: 'EUR', stock: 5, translations: { es: { name: 'Zapatilla rebajada' } } }] });
      await publishCatalogueChanged(publisher, prefix, { workspaceId: shop, revision: await store.revision(shop) });
      await waitFor(async () => snapshot.title(snapshot.indexOfSku('RUN-1')!, 'es').text === 'Zapatilla rebajada', 5_000);
      expect(snapshot.price(snapshot.indexOfSku('RUN-1')!)).toMatchObject({ amountMinor: 9900 });
      // An event about a revision the snapshot already has changes nothing.
      const check = jest.spyOn(store, 'revision');
      cache.handle({ workspaceId: shop, revision: snapshot.revision });
      expect(check).not.toHaveBeenCalled();
      check.mockRestore();
      expect(received).toHaveLength(1);
    } finally {
      await unsubscribe();
      subscriber.disconnect();
      publisher.disconnect();
    }
  });

  it('keeps the most recently used workspaces only', async () => {
    const cache = new CatalogueCache(store, { maxWorkspaces: 2 });
    const [a, b, c] = [await database.newWorkspace(), await database.newWorkspace(), await database.newWorkspace()];
    await cache.get(a);
    await cache.get(b);
    await cache.get(a);
    await cache.get(c);
    expect(cache.peek(a)).toBeDefined();
    expect(cache.peek(b)).toBeUndefined();
    expect(cache.peek(c)).toBeDefined();
  });
});
