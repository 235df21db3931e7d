import { CommerceInputError, CommerceStore, DEMO_ORDERS, seedDemoStore, type ShippingAddress } from '../../commerce';
import { engines } from '../support/databases';
import { openCommerceDatabase, type CommerceTestDatabase } from './commerce-test-database';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 4, 20, 9, 30);

describe.each(engines)('CommerceStore on %s', (_engine, createDatabase) => {
  let database: CommerceTestDatabase;
  let store: CommerceStore;
  /** The demo store, read but never changed by these tests. */
  let shop: string;

  beforeAll(async () => {
    database = await openCommerceDatabase(createDatabase);
    store = new CommerceStore(database.handle.db);
    shop = await database.newWorkspace();
    await seedDemoStore(database.handle.db, shop, NOW);
  });

  afterAll(async () => {
    await database?.close();
  });

  /** A fresh copy of the demo store for a test that changes orders. */
  async function freshShop(): Promise<string> {
    const workspaceId = await database.newWorkspace();
    await seedDemoStore(database.handle.db, workspaceId, NOW);
    return workspaceId;
  }

  describe('findOrder', () => {
    it.each(['A1B2C3', 'a1b2c3', '#A1B2C3', ' #a1b2c3 '])('finds the order whatever the case and a leading # (%j)', async (typed) => {
      const order = await store.findOrder(shop, typed);
      expect(order?.orderNumber).toBe('A1B2C3');
    });

    it('returns a plain order with money in minor units, epoch-ms dates, lines and a tracking link', async () => {
      const order = await store.findOrder(shop, DEMO_ORDERS.inTransit);
      expect(order).toMatchObject({
        status: 'in_transit',
        total: { amountMinor: 8900 + 9900, currency: 'EUR' },
        carrier: 'SF Express',
        trackingNumber: 'SF1234567890123',
        trackingUrl: 'https://www.sf-express.com/chn/en/waybill/waybill-detail/SF1234567890123',
        placedAt: NOW - 6 * DAY,
        expectedDeliveryAt: NOW + 3 * DAY,
        deliveredAt: null,
        shippingAddress: { name: 'Li Wei', city: 'Shanghai', country: 'CN' },
      });
      expect(order?.items).toEqual([
        expect.objectContaining({ sku: 'SWT-MER-GRY', quantity: 1, unitPrice: { amountMinor: 8900, currency: 'EUR' } }),
        expect.objectContaining({ sku: 'SCF-CSH-CML', quantity: 1, unitPrice: { amountMinor: 9900, currency: 'EUR' } }),
      ]);
      expect(order?.items[0]?.productId).toEqual(expect.any(String));
    });

    it('finds nothing in another workspace', async () => {
      expect(await store.findOrder(await database.newWorkspace(), DEMO_ORDERS.inTransit)).toBeUndefined();
    });

    it('finds nothing for an unknown number or text that cannot be one', async () => {
      expect(await store.findOrder(shop, 'ZZZ999')).toBeUndefined();
      expect(await store.findOrder(shop, 'where is my order?')).toBeUndefined();
    });
  });

  describe('customers', () => {
    it('finds a customer by e-mail whatever its case', async () => {
      const customer = await store.findCustomerByEmail(shop, ' Li.Wei@Example.COM ');
      expect(customer).toMatchObject({ email: 'li.wei@example.com', displayName: '李伟', workspaceId: shop });
    });

    it('finds nobody for an unknown or malformed address', async () => {
      expect(await store.findCustomerByEmail(shop, 'nobody@example.com')).toBeUndefined();
      expect(await store.findCustomerByEmail(shop, 'not an address')).toBeUndefined();
    });

    it('lists a customer’s orders newest first, with their lines', async () => {
      const customer = await store.findCustomerByEmail(shop, 'li.wei@example.com');
      const orders = await store.ordersOfCustomer(shop, customer?.id ?? '');
      expect(orders.map((o) => o.orderNumber)).toEqual(['A1B2C3', 'K2V4W6']);
      expect(orders[1]?.items).toEqual([expect.objectContaining({ sku: 'TEE-ORG-BLK', quantity: 2 })]);
    });

    it('prefers, among customers sharing an address, the one with orders', async () => {
      const workspaceId = await freshShop();
      await database.handle.db
        .insertInto('customers')
        .values({ id: '00000000-0000-7000-8000-000000000001', workspace_id: workspaceId, display_name: 'Chat visitor', email: 'anna.schmidt@example.com', phone: null, created_at: 1 })
        .execute();
      expect((await store.findCustomerByEmail(workspaceId, 'anna.schmidt@example.com'))?.displayName).toBe('Anna Schmidt');
    });
  });

  describe('customerOwnsOrder', () => {
    it('says yes for the order’s customer, by id or by e-mail in any case', async () => {
      const customer = await store.findCustomerByEmail(shop, 'anna.schmidt@example.com');
      expect(await store.customerOwnsOrder(shop, '#b7k9q2', { customerId: customer?.id ?? '' })).toBe(true);
      expect(await store.customerOwnsOrder(shop, 'B7K9Q2', { email: 'Anna.Schmidt@example.com' })).toBe(true);
    });

    it('says no for someone else, an unknown order or another workspace', async () => {
      const other = await store.findCustomerByEmail(shop, 'john.smith@example.com');
      expect(await store.customerOwnsOrder(shop, 'B7K9Q2', { customerId: other?.id ?? '' })).toBe(false);
      expect(await store.customerOwnsOrder(shop, 'B7K9Q2', { email: 'john.smith@example.com' })).toBe(false);
      expect(await store.customerOwnsOrder(shop, 'NOPE42', { email: 'anna.schmidt@example.com' })).toBe(false);
      expect(await store.customerOwnsOrder(await database.newWorkspace(), 'B7K9Q2', { email: 'anna.schmidt@example.com' })).toBe(false);
    });
  });

  describe('cancelOrder', () => {
    describe('when the order has not shipped', () => {
      it('cancels it and records who did it in the order’s history', async () => {
        const workspaceId = await freshShop();
        const result = await store.cancelOrder(workspaceId, '#b7k9q2', 'bot:conversation-1');
        expect(result.kind).toBe('changed');
        if (result.kind !== 'changed') return;
        expect(result.order.status).toBe('cancelled');
        expect(result.event).toMatchObject({ type: 'cancelled', actor: 'bot:conversation-1', detail: { previousStatus: 'processing' } });
        expect((await store.findOrder(workspaceId, 'B7K9Q2'))?.status).toBe('cancelled');
        const history = await store.orderEvents(workspaceId, 'B7K9Q2');
        expect(history.map((e) => e.type)).toEqual(['imported', 'cancelled']);
      });

      it('lets exactly one of several simultaneous requests win', async () => {
        const workspaceId = await freshShop();
        const results = await Promise.all(Array.from({ length: 5 }, (_, i) => store.cancelOrder(workspaceId, DEMO_ORDERS.paid, `bot:c${i}`)));
        expect(results.filter((r) => r.kind === 'changed')).toHaveLength(1);
        expect(results.filter((r) => r.kind === 'refused').map((r) => r.kind === 'refused' && r.refusal.reason)).toEqual(
          Array(4).fill('already_cancelled'),
        );
        expect((await store.orderEvents(workspaceId, DEMO_ORDERS.paid)).filter((e) => e.type === 'cancelled')).toHaveLength(1);
      });
    });

    describe('when the parcel is with the carrier', () => {
      it('refuses with the current status and writes nothing', async () => {
        const workspaceId = await freshShop();
        const before = await store.findOrder(workspaceId, DEMO_ORDERS.inTransit);
        const result = await store.cancelOrder(workspaceId, DEMO_ORDERS.inTransit, 'bot:conversation-2');
        expect(result).toMatchObject({ kind: 'refused', refusal: { change: 'cancel', status: 'in_transit', reason: 'already_shipped' } });
        expect(await store.findOrder(workspaceId, DEMO_ORDERS.inTransit)).toEqual(before);
        expect((await store.orderEvents(workspaceId, DEMO_ORDERS.inTransit)).map((e) => e.type)).toEqual(['imported']);
      });
    });

    describe('when the order is delivered', () => {
      it('refuses it as already delivered', async () => {
        const result = await store.cancelOrder(shop, DEMO_ORDERS.delivered, 'admin');
        expect(result).toMatchObject({ kind: 'refused', refusal: { reason: 'already_delivered', status: 'delivered' } });
      });
    });

    it('answers not_found for an unknown order', async () => {
      expect(await store.cancelOrder(shop, 'NOPE42', 'admin')).toEqual({ kind: 'not_found', orderNumber: 'NOPE42' });
    });

    it('refuses an empty actor with a CommerceInputError', async () => {
      await expect(store.cancelOrder(shop, DEMO_ORDERS.processing, ' ')).rejects.toBeInstanceOf(CommerceInputError);
    });
  });

  describe('changeShippingAddress', () => {
    const address: ShippingAddress = { name: 'Anna Schmidt', line1: 'Kastanienallee 7', postcode: '10435', city: 'Berlin', country: 'de' };

    describe('when the order has not shipped', () => {
      it('stores the new address and keeps the old one in the history', async () => {
        const workspaceId = await freshShop();
        const result = await store.changeShippingAddress(workspaceId, DEMO_ORDERS.processing, address, 'bot:conversation-3');
        expect(result.kind).toBe('changed');
        const order = await store.findOrder(workspaceId, DEMO_ORDERS.processing);
        expect(order?.shippingAddress).toEqual({ ...address, country: 'DE' });
        expect(order?.status).toBe('processing');
        const [, event] = await store.orderEvents(workspaceId, DEMO_ORDERS.processing);
        expect(event).toMatchObject({
          type: 'address_changed',
          actor: 'bot:conversation-3',
          detail: { previous: { line1: 'Torstraße 12' }, address: { line1: 'Kastanienallee 7', country: 'DE' } },
        });
      });
    });

    describe('when the order is delivered', () => {
      it('refuses and keeps the address', async () => {
        const result = await store.changeShippingAddress(shop, DEMO_ORDERS.delivered, address, 'admin');
        expect(result).toMatchObject({ kind: 'refused', refusal: { change: 'change_address', reason: 'already_delivered' } });
        expect((await store.findOrder(shop, DEMO_ORDERS.delivered))?.shippingAddress?.city).toBe('Madrid');
      });
    });

    describe('when the address is incomplete', () => {
      it('throws a CommerceInputError naming the field', async () => {
        const incomplete = { ...address, city: '' };
        await expect(store.changeShippingAddress(shop, DEMO_ORDERS.processing, incomplete, 'admin')).rejects.toThrow(/city/);
        await expect(store.changeShippingAddress(shop, DEMO_ORDERS.processing, { ...address, country: 'XX' }, 'admin')).rejects.toThrow(
          CommerceInputError,
        );
      });
    });
  });

  describe('products', () => {
    it('lists the catalogue by name, as plain products with parsed attributes', async () => {
      const products = await store.listProducts(shop, { limit: 5 });
      expect(products).toHaveLength(5);
      expect(products.map((p) => p.name)).toEqual([...products.map((p) => p.name)].sort());
      const tote = (await store.listProducts(shop, { query: 'tote' }))[0];
      expect(tote).toMatchObject({
        sku: 'BAG-TOT-CNV',
        price: { amountMinor: 2900, currency: 'EUR' },
        inStock: true,
        attributes: { colours: ['Natural', 'Black'], material: 'cotton canvas' },
        url: 'https://demo-store.example.com/products/bag-tot-cnv',
      });
    });

    it('searches names, skus and categories in any case, every word having to match', async () => {
      expect((await store.listProducts(shop, { query: 'SCARF' })).map((p) => p.sku).sort()).toEqual(['SCF-CSH-CML', 'SCF-SLK-FLR']);
      expect((await store.listProducts(shop, { query: 'silk scarf' })).map((p) => p.sku)).toEqual(['SCF-SLK-FLR']);
      expect((await store.listProducts(shop, { query: 'bags' })).map((p) => p.category)).toEqual(['Bags', 'Bags', 'Bags']);
    });

    it('puts the product whose sku is the query first', async () => {
      const products = await store.listProducts(shop, { query: 'tee-org-wht' });
      expect(products[0]?.sku).toBe('TEE-ORG-WHT');
    });

    it('filters by category and by stock', async () => {
      const bags = await store.listProducts(shop, { category: 'bags', inStockOnly: true });
      expect(bags.map((p) => p.sku).sort()).toEqual(['BAG-CRS-LTH', 'BAG-TOT-CNV']);
      const all = await store.listProducts(shop, { limit: 100 });
      expect(all.filter((p) => !p.inStock).length).toBeGreaterThanOrEqual(3);
    });

    it('takes LIKE wildcards in a query literally', async () => {
      expect(await store.listProducts(shop, { query: '%' })).toEqual([]);
      expect(await store.listProducts(shop, { query: '_' })).toEqual([]);
    });

    it('gets one product by sku or id, and nothing from another workspace', async () => {
      const bySku = await store.getProduct(shop, { sku: 'WTC-MIN-SLV' });
      expect(bySku?.name).toBe('Minimalist Watch');
      expect(await store.getProduct(shop, { id: bySku?.id ?? '' })).toEqual(bySku);
      expect(await store.getProduct(await database.newWorkspace(), { sku: 'WTC-MIN-SLV' })).toBeUndefined();
    });
  });
});
