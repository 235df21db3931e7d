import { CommerceStore, DEMO_ORDERS, ORDER_STATUSES, seedDemoStore } from '../../commerce';
import { engines } from '../support/databases';
import { openCommerceDatabase, type CommerceTestDatabase } from './commerce-test-database';

const DAY = 86_400_000;

describe.each(engines)('seedDemoStore on %s', (_engine, createDatabase) => {
  let database: CommerceTestDatabase;
  let store: CommerceStore;

  beforeAll(async () => {
    database = await openCommerceDatabase(createDatabase);
    store = new CommerceStore(database.handle.db);
  });

  afterAll(async () => {
    await database?.close();
  });

  async function statuses(workspaceId: string): Promise<string[]> {
    const rows = await database.handle.db.selectFrom('orders').select('status').where('workspace_id', '=', workspaceId).execute();
    return rows.map((row) => row.status);
  }

  describe('in an empty workspace', () => {
    it('creates about twenty EUR products, some out of stock, and a handful of customers', async () => {
      const shop = await database.newWorkspace();
      const result = await seedDemoStore(database.handle.db, shop);
      expect(result.seeded).toBe(true);
      if (!result.seeded) return;
      expect(result.counts.products.created).toBeGreaterThanOrEqual(18);
      expect(result.counts.customers.created).toBeGreaterThanOrEqual(6);
      expect(result.counts.customers.created).toBeLessThanOrEqual(8);
      const products = await store.listProducts(shop, { limit: 100 });
      expect(new Set(products.map((p) => p.price.currency))).toEqual(new Set(['EUR']));
      expect(products.filter((p) => !p.inStock).length).toBeGreaterThanOrEqual(2);
      expect(products.some((p) => Array.isArray(p.attributes.sizes) && Array.isArray(p.attributes.colours))).toBe(true);
    });

    it('gives orders in every status', async () => {
      const shop = await database.newWorkspace();
      await seedDemoStore(database.handle.db, shop);
      expect(new Set(await statuses(shop))).toEqual(new Set(ORDER_STATUSES));
    });

    it('creates the orders the demos and tests rely on, dated from the seed time', async () => {
      const shop = await database.newWorkspace();
      const now = Date.UTC(2025, 0, 15, 12);
      await seedDemoStore(database.handle.db, shop, now);
      const liWei = await store.findOrder(shop, DEMO_ORDERS.inTransit);
      expect(liWei).toMatchObject({ orderNumber: 'A1B2C3', status: 'in_transit', carrier: 'SF Express', trackingNumber: 'SF1234567890123' });
      expect(liWei?.expectedDeliveryAt).toBeGreaterThan(now + DAY);
      expect(liWei?.expectedDeliveryAt).toBeLessThan(now + 7 * DAY);
      expect(await store.getCustomer(shop, liWei?.customerId ?? '')).toMatchObject({ email: 'li.wei@example.com', displayName: '李伟' });

      const anna = await store.findOrder(shop, DEMO_ORDERS.processing);
      expect(anna).toMatchObject({ orderNumber: 'B7K9Q2', status: 'processing', shippedAt: null, trackingNumber: null });
      expect(await store.customerOwnsOrder(shop, 'B7K9Q2', { email: 'anna.schmidt@example.com' })).toBe(true);

      expect(await store.findOrder(shop, DEMO_ORDERS.delivered)).toMatchObject({ status: 'delivered' });
      expect(await store.customerOwnsOrder(shop, 'C4D5E6', { email: 'maria.garcia@example.com' })).toBe(true);
      expect(await store.findOrder(shop, DEMO_ORDERS.paid)).toMatchObject({ status: 'paid' });
      expect(await store.customerOwnsOrder(shop, 'D8F1G3', { email: 'john.smith@example.com' })).toBe(true);
    });
  });

  describe('when the workspace has products already', () => {
    it('does nothing, so it is safe at every start-up', async () => {
      const shop = await database.newWorkspace();
      expect((await seedDemoStore(database.handle.db, shop)).seeded).toBe(true);
      const before = await statuses(shop);
      expect(await seedDemoStore(database.handle.db, shop)).toEqual({ seeded: false });
      expect(await statuses(shop)).toEqual(before);
    });
  });

  describe('when several processes start at once', () => {
    it('seeds the workspace once', async () => {
      const shop = await database.newWorkspace();
      // PostgreSQL: separate pools, as separate processes would have. SQLite: one connection; a second one in this
      // process would wait for the lock synchronously (better-sqlite3), holding up the event loop the first needs.
      const others = database.handle.engine === 'postgres' ? [database.connectAgain().db, database.connectAgain().db] : [];
      const connections = [database.handle.db, database.handle.db, ...others];
      const results = await Promise.all(connections.map((db) => seedDemoStore(db, shop)));
      expect(results.filter((r) => r.seeded)).toHaveLength(1);
      expect((await statuses(shop)).length).toBe(11);
      const customers = await database.handle.db.selectFrom('customers').select('email').where('workspace_id', '=', shop).execute();
      expect(new Set(customers.map((c) => c.email)).size).toBe(customers.length);
    });
  });
});
