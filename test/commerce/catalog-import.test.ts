import { CatalogImporter, CatalogImportError, CommerceStore, type ImportIssue } from '../../commerce';
import { engines } from '../support/databases';
import { openCommerceDatabase, type CommerceTestDatabase } from './commerce-test-database';

const PRODUCTS_CSV = [
  'sku,name,description,category,price,currency,stock,url,image_url,attributes,attr_sizes,attr_colours',
  'TS-1,Linen Shirt,"Light, breathable",Tops,49.90,EUR,12,https://shop.example.com/ts-1,,"{""material"":""linen""}",S|M|L,White',
  'KM-1,Kimono Jacket,,Outerwear,12800,jpy,0,,,,,Indigo',
].join('\n');

const ORDERS_CSV = [
  'order_number,email,customer_name,status,currency,sku,quantity,unit_price,carrier,tracking_number,placed_at,expected_delivery_at,ship_name,ship_line1,ship_postcode,ship_city,ship_country',
  '#ord-1001,Ana@Example.com,Ana Souza,In transit,EUR,TS-1,2,49.90,Correios,BR123456789XX,2025-05-01T10:00:00Z,2025-05-20,Ana Souza,Rua Augusta 100,01305-000,São Paulo,br',
  'ORD-1001,ana@example.com,,in_transit,EUR,SOCK-9,1,5.00,Correios,BR123456789XX,2025-05-01T10:00:00Z,2025-05-20,,,,,',
  'ORD-1002,ana@example.com,Ana Souza,paid,EUR,TS-1,1,49.90,,,2025-05-10,,,,,,',
].join('\n');

/** The issues of a refused import. */
async function issuesOf(promise: Promise<unknown>): Promise<ImportIssue[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CatalogImportError) return error.issues;
    throw error;
  }
  throw new Error('The import was expected to be refused.');
}

describe.each(engines)('CatalogImporter on %s', (_engine, createDatabase) => {
  let database: CommerceTestDatabase;
  let importer: CatalogImporter;
  let store: CommerceStore;

  beforeAll(async () => {
    database = await openCommerceDatabase(createDatabase);
    importer = new CatalogImporter(database.handle.db);
    store = new CommerceStore(database.handle.db);
  });

  afterAll(async () => {
    await database?.close();
  });

  async function count(table: 'products' | 'orders' | 'customers', workspaceId: string): Promise<number> {
    const row = await database.handle.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  describe('a products CSV', () => {
    it('imports every row with prices in minor units of each currency and attributes from their columns', async () => {
      const shop = await database.newWorkspace();
      const counts = await importer.import(shop, 'csv-products', PRODUCTS_CSV);
      expect(counts).toEqual({ products: { created: 2, updated: 0 }, orders: { created: 0, updated: 0 }, orderLines: 0, customers: { created: 0 } });
      expect(await store.getProduct(shop, { sku: 'TS-1' })).toMatchObject({
        name: 'Linen Shirt',
        description: 'Light, breathable',
        price: { amountMinor: 4990, currency: 'EUR' },
        stock: 12,
        attributes: { material: 'linen', sizes: ['S', 'M', 'L'], colours: 'White' },
        url: 'https://shop.example.com/ts-1',
        imageUrl: null,
      });
      expect(await store.getProduct(shop, { sku: 'KM-1' })).toMatchObject({ price: { amountMinor: 12800, currency: 'JPY' }, inStock: false });
    });

    it('updates products by sku when imported again', async () => {
      const shop = await database.newWorkspace();
      await importer.import(shop, 'csv-products', PRODUCTS_CSV);
      const before = await store.getProduct(shop, { sku: 'TS-1' });
      const counts = await importer.import(shop, 'csv-products', 'sku,name,price,currency,stock\nTS-1,Linen Shirt v2,39.90,EUR,3\nNEW-1,New,1,EUR,1');
      expect(counts.products).toEqual({ created: 1, updated: 1 });
      const after = await store.getProduct(shop, { sku: 'TS-1' });
      expect(after).toMatchObject({ id: before?.id, name: 'Linen Shirt v2', price: { amountMinor: 3990 }, stock: 3, description: null });
      expect(await count('products', shop)).toBe(3);
    });

    describe('with invalid rows', () => {
      it('reports every problem with its file row and column, and writes nothing', async () => {
        const shop = await database.newWorkspace();
        const csv = [
          'sku,name,price,currency,stock,url',
          'OK-1,Fine,10.00,EUR,1,',
          ',No sku,10.00,EUR,1,',
          'BAD-2,Bad price,10.999,EUR,1,',
          'BAD-3,Bad stock,10,EUR,lots,ftp://x',
          'BAD-4,Bad currency,10,EUROS,1,',
          'OK-1,Again,10.00,EUR,1,',
        ].join('\n');
        const issues = await issuesOf(importer.import(shop, 'csv-products', csv));
        expect(issues).toEqual([
          { section: 'products', row: 3, field: 'sku', message: 'is required' },
          expect.objectContaining({ section: 'products', row: 4, field: 'price' }),
          { section: 'products', row: 5, field: 'stock', message: 'must be a whole number' },
          { section: 'products', row: 5, field: 'url', message: 'must be an http(s) URL' },
          expect.objectContaining({ section: 'products', row: 6, field: 'currency' }),
          expect.objectContaining({ section: 'products', row: 7, field: 'sku', message: expect.stringContaining('row 2') }),
        ]);
        expect(await count('products', shop)).toBe(0);
      });

      it('names unknown and missing header columns on row 1', async () => {
        const issues = await issuesOf(importer.import(await database.newWorkspace(), 'csv-products', 'sku,name,prcie,currency\nA,B,1,EUR'));
        expect(issues).toEqual([
          expect.objectContaining({ row: 1, field: 'prcie', message: expect.stringContaining('not a known column') }),
          expect.objectContaining({ row: 1, field: 'price', message: expect.stringContaining('required column') }),
        ]);
      });

      it('reports broken CSV with the line where it broke', async () => {
        const issues = await issuesOf(importer.import(await database.newWorkspace(), 'csv-products', 'sku,name,price,currency\nA,"B,1,EUR\n'));
        expect(issues).toEqual([expect.objectContaining({ section: 'products', field: '', message: expect.stringMatching(/not valid CSV/) })]);
      });

      it('refuses an attributes cell that is not a JSON object', async () => {
        const issues = await issuesOf(importer.import(await database.newWorkspace(), 'csv-products', 'sku,name,price,currency,attributes\nA,B,1,EUR,[1]'));
        expect(issues).toEqual([expect.objectContaining({ row: 2, field: 'attributes' })]);
      });
    });
  });

  describe('an orders CSV', () => {
    it('groups the lines of each order, finds or creates customers by e-mail and links known skus', async () => {
      const shop = await database.newWorkspace();
      await importer.import(shop, 'csv-products', PRODUCTS_CSV);
      const counts = await importer.import(shop, 'csv-orders', ORDERS_CSV);
      expect(counts).toEqual({ products: { created: 0, updated: 0 }, orders: { created: 2, updated: 0 }, orderLines: 3, customers: { created: 1 } });
      const order = await store.findOrder(shop, 'ORD-1001');
      expect(order).toMatchObject({
        status: 'in_transit',
        total: { amountMinor: 2 * 4990 + 500, currency: 'EUR' },
        carrier: 'Correios',
        placedAt: Date.parse('2025-05-01T10:00:00Z'),
        expectedDeliveryAt: Date.parse('2025-05-20'),
        shippingAddress: { name: 'Ana Souza', line1: 'Rua Augusta 100', postcode: '01305-000', city: 'São Paulo', country: 'BR' },
        trackingUrl: expect.stringContaining('BR123456789XX'),
      });
      expect(order?.items.map((i) => [i.sku, i.name, i.quantity, i.productId === null])).toEqual([
        ['TS-1', 'Linen Shirt', 2, false],
        ['SOCK-9', 'SOCK-9', 1, true],
      ]);
      const customer = await store.findCustomerByEmail(shop, 'ana@example.com');
      expect(customer).toMatchObject({ email: 'ana@example.com', displayName: 'Ana Souza' });
      expect((await store.ordersOfCustomer(shop, customer?.id ?? '')).map((o) => o.orderNumber)).toEqual(['ORD-1002', 'ORD-1001']);
      expect((await store.orderEvents(shop, 'ORD-1001')).map((e) => [e.type, e.actor])).toEqual([['imported', 'import']]);
    });

    it('replaces an order’s lines on a new import and records only status changes in its history', async () => {
      const shop = await database.newWorkspace();
      await importer.import(shop, 'csv-orders', ORDERS_CSV);
      const same = await importer.import(shop, 'csv-orders', ORDERS_CSV);
      expect(same.orders).toEqual({ created: 0, updated: 2 });
      expect(same.customers.created).toBe(0);
      const delivered = ORDERS_CSV.split('\n').slice(0, 2).join('\n').replace('In transit', 'delivered');
      await importer.import(shop, 'csv-orders', delivered);
      const order = await store.findOrder(shop, 'ORD-1001');
      expect(order?.status).toBe('delivered');
      expect(order?.items.map((i) => i.sku)).toEqual(['TS-1']);
      expect((await store.orderEvents(shop, 'ORD-1001')).map((e) => e.detail)).toEqual([
        { created: true, status: 'in_transit' },
        { created: false, previousStatus: 'in_transit', status: 'delivered' },
      ]);
      expect(await count('customers', shop)).toBe(1);
    });

    it('uses an existing customer with that address and fills in a missing name', async () => {
      const shop = await database.newWorkspace();
      await database.handle.db
        .insertInto('customers')
        .values({ id: '00000000-0000-7000-8000-0000000000aa', workspace_id: shop, display_name: null, email: 'ana@example.com', phone: null, created_at: 1 })
        .execute();
      const counts = await importer.import(shop, 'csv-orders', ORDERS_CSV);
      expect(counts.customers.created).toBe(0);
      expect(await store.findCustomerByEmail(shop, 'ana@example.com')).toMatchObject({ id: '00000000-0000-7000-8000-0000000000aa', displayName: 'Ana Souza' });
    });

    describe('with invalid rows', () => {
      it('reports the row and column of each bad line and of order fields that disagree, and writes nothing', async () => {
        const shop = await database.newWorkspace();
        const csv = [
          'order_number,email,status,currency,sku,quantity,unit_price,placed_at,ship_city,ship_country',
          'A-1,a@example.com,paid,EUR,X,1,10,2025-05-01,,',
          'A-1,a@example.com,shipped,EUR,Y,two,10,2025-05-01,,',
          'B-2,not-an-email,lost,EUR,X,1,10,yesterday,Lyon,FR',
          'C-3,c@example.com,paid,EUR,X,1,10,2025-05-01,,',
        ].join('\n');
        const issues = await issuesOf(importer.import(shop, 'csv-orders', csv));
        expect(issues).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ section: 'orders', row: 3, field: 'status', message: expect.stringContaining('row 2') }),
            { section: 'orders', row: 3, field: 'quantity', message: 'must be a whole number' },
            expect.objectContaining({ row: 4, field: 'email' }),
            expect.objectContaining({ row: 4, field: 'status', message: expect.stringContaining('in_transit') }),
            expect.objectContaining({ row: 4, field: 'placed_at' }),
            expect.objectContaining({ row: 4, field: 'ship_name', message: 'is required' }),
          ]),
        );
        expect(issues.some((issue) => issue.row === 5)).toBe(false);
        expect(await count('orders', shop)).toBe(0);
        expect(await count('customers', shop)).toBe(0);
      });
    });
  });

  describe('a JSON document', () => {
    const document = {
      products: [{ sku: 'MUG-1', name: 'Mug', price: 12.5, currency: 'usd', stock: 4, attributes: { colours: ['Red'] } }],
      orders: [
        {
          orderNumber: '#j-77',
          email: 'kai@example.com',
          customerName: 'Kai',
          status: 'shipped',
          currency: 'USD',
          items: [{ sku: 'MUG-1', quantity: 3, unitPrice: '12.50' }],
          total: '42.50',
          carrier: 'UPS',
          trackingNumber: '1Z999AA10123456784',
          placedAt: 1_746_000_000_000,
          shippedAt: '2025-05-02T08:00:00Z',
        },
      ],
    };

    it('imports products and orders from the object or its text, products first so orders can link them', async () => {
      for (const data of [document, JSON.stringify(document)]) {
        const shop = await database.newWorkspace();
        const counts = await importer.import(shop, 'json', data, { actor: 'admin' });
        expect(counts).toEqual({ products: { created: 1, updated: 0 }, orders: { created: 1, updated: 0 }, orderLines: 1, customers: { created: 1 } });
        const order = await store.findOrder(shop, 'J-77');
        expect(order).toMatchObject({ total: { amountMinor: 4250, currency: 'USD' }, placedAt: 1_746_000_000_000, shippingAddress: null });
        expect(order?.items[0]).toMatchObject({ name: 'Mug', productId: expect.any(String) });
        expect(order?.trackingUrl).toBe('https://www.ups.com/track?tracknum=1Z999AA10123456784');
        expect((await store.orderEvents(shop, 'J-77'))[0]?.actor).toBe('admin');
      }
    });

    it('reports problems by position in the array and field path, and writes nothing', async () => {
      const shop = await database.newWorkspace();
      const bad = {
        products: [document.products[0], { sku: 'X', name: 'No price', currency: 'EUR', colour: 'red' }],
        orders: [{ ...document.orders[0], items: [{ sku: 'MUG-1', quantity: 0, unitPrice: '1' }] }],
        customers: [],
      };
      const issues = await issuesOf(importer.import(shop, 'json', bad));
      expect(issues).toEqual(
        expect.arrayContaining([
          { section: 'document', row: 0, field: 'customers', message: expect.stringContaining('not a known key') },
          expect.objectContaining({ section: 'products', row: 2, field: 'price' }),
          { section: 'products', row: 2, field: 'colour', message: 'is not a known field' },
          expect.objectContaining({ section: 'orders', row: 1, field: 'items.0.quantity' }),
        ]),
      );
      expect(await count('products', shop)).toBe(0);
    });

    it('refuses text that is not JSON, and an import with nothing in it', async () => {
      expect(await issuesOf(importer.import(await database.newWorkspace(), 'json', '{"products": ['))).toEqual([
        expect.objectContaining({ section: 'document', message: expect.stringContaining('not valid JSON') }),
      ]);
      expect(await issuesOf(importer.import(await database.newWorkspace(), 'json', { products: [] }))).toEqual([
        expect.objectContaining({ message: 'The import holds no products and no orders.' }),
      ]);
    });

    it('refuses an order number that appears twice', async () => {
      const twice = { orders: [document.orders[0], { ...document.orders[0], orderNumber: 'J-77' }] };
      expect(await issuesOf(importer.import(await database.newWorkspace(), 'json', twice))).toEqual([
        expect.objectContaining({ section: 'orders', row: 2, field: 'orderNumber', message: expect.stringContaining('row 1') }),
      ]);
    });
  });

  it('imports a large catalogue in one go', async () => {
    const shop = await database.newWorkspace();
    const rows = Array.from({ length: 1_000 }, (_, i) => `SKU-${i},Product ${i},${i}.99,EUR,${i % 7}`);
    const counts = await importer.import(shop, 'csv-products', ['sku,name,price,currency,stock', ...rows].join('\n'));
    expect(counts.products.created).toBe(1_000);
    expect(await count('products', shop)).toBe(1_000);
  });
});
