import { CatalogImporter } from '../../../commerce';
import type { EventInput } from '../../../recommender/events';
import { engines } from '../../support/databases';
import { openEventsHarness, type EventsHarness } from './events-harness';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe.each(engines)('EventRecorder on %s', (_engine, createDatabase) => {
  let h: EventsHarness;

  beforeAll(async () => {
    h = await openEventsHarness(createDatabase);
  });

  afterAll(async () => {
    await h?.close();
  });

  async function metric(name: string, labels: Record<string, string> = {}): Promise<number> {
    const values = (await h.registry.getSingleMetric(name)?.get())?.values ?? [];
    return values
      .filter((v) => Object.entries(labels).every(([key, value]) => v.labels[key] === value))
      .reduce((sum, v) => sum + v.value, 0);
  }

  it('stores a view named by sku under the product id, with the visitor, session and country', async () => {
    const { workspaceId, ids } = await h.newShop();
    const at = Date.now() - MINUTE;
    const [outcome] = await h.recorder.record(workspaceId, [{ type: 'view', sku: 'RUN-1', visitorId: 'v-1', sessionId: 's-1', country: 'DE', at }], { source: 'storefront' });
    expect(outcome).toEqual({ status: 'accepted', id: expect.any(String) });
    const [stored] = await h.store.history(workspaceId, { visitorId: 'v-1' });
    expect(stored).toMatchObject({ type: 'view', productId: ids['RUN-1'], visitorId: 'v-1', sessionId: 's-1', country: 'DE', at, source: 'storefront', customerId: null });
  });

  it('refuses unknown products one by one, stores the others and counts both', async () => {
    const { workspaceId } = await h.newShop();
    const before = await metric('pgdesk_events_rejected_total', { reason: 'unknown_product' });
    const outcomes = await h.recorder.record(workspaceId, [
      { type: 'view', sku: 'RUN-1', visitorId: 'v' },
      { type: 'view', sku: 'NOPE-9', visitorId: 'v' },
      { type: 'add_to_cart', productId: 'f00', visitorId: 'v' },
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['accepted', 'rejected', 'rejected']);
    expect(outcomes[1]).toEqual({ status: 'rejected', code: 'unknown_product', field: 'sku', message: 'No product with sku "NOPE-9" in this workspace\'s catalogue.' });
    expect(outcomes[2]).toMatchObject({ code: 'unknown_product', field: 'productId' });
    expect(await metric('pgdesk_events_rejected_total', { reason: 'unknown_product' })).toBe(before + 2);
    expect(await h.store.count(workspaceId)).toBe(1);
  });

  it('refuses events more than five minutes ahead or older than thirty days', async () => {
    const { workspaceId } = await h.newShop();
    const now = Date.now();
    const outcomes = await h.recorder.record(
      workspaceId,
      [
        { type: 'view', sku: 'RUN-1', visitorId: 'v', at: now + 6 * MINUTE },
        { type: 'view', sku: 'RUN-1', visitorId: 'v', at: now - 31 * DAY },
        { type: 'view', sku: 'RUN-1', visitorId: 'v', at: now + 4 * MINUTE },
      ],
      { now },
    );
    expect(outcomes.map((o) => (o.status === 'rejected' ? o.code : o.status))).toEqual(['in_future', 'too_old', 'accepted']);
    expect(outcomes[0]).toMatchObject({ field: 'at' });
  });

  it('shifts events by the sender’s clock skew before judging their time', async () => {
    const { workspaceId } = await h.newShop();
    const now = Date.now();
    // The device's clock runs ten minutes ahead: its "now" is our now + 10 min.
    const [outcome] = await h.recorder.record(workspaceId, [{ type: 'view', sku: 'TEE-1', visitorId: 'skewed', at: now + 10 * MINUTE }], { now, skewMs: -10 * MINUTE });
    expect(outcome?.status).toBe('accepted');
    expect((await h.store.history(workspaceId, { visitorId: 'skewed' }))[0]?.at).toBe(now);
  });

  it('stores an event id once, whether retried later or sent twice at the same moment', async () => {
    const { workspaceId } = await h.newShop();
    const event: EventInput = { eventId: 'evt-1', type: 'purchase', sku: 'TEE-1', visitorId: 'v', quantity: 2, price: '35.00' };
    const [first, twin] = await Promise.all([h.recorder.record(workspaceId, [event]), h.recorder.record(workspaceId, [event])]);
    expect([first?.[0]?.status, twin?.[0]?.status].sort()).toEqual(['accepted', 'duplicate']);
    expect((await h.recorder.record(workspaceId, [event]))[0]).toEqual({ status: 'duplicate' });
    const stored = await h.store.history(workspaceId, { visitorId: 'v' });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ quantity: 2, price: { amountMinor: 3500, currency: 'EUR' } });
  });

  it('finds a product imported after its catalogue was loaded', async () => {
    const { workspaceId } = await h.newShop();
    await h.catalogue.get(workspaceId);
    await new CatalogImporter(h.database.handle.db).import(workspaceId, 'csv-products', 'sku,name,price,currency,stock\nNEW-1,New Sock,5.00,EUR,3');
    const [outcome] = await h.recorder.record(workspaceId, [{ type: 'view', sku: 'NEW-1', visitorId: 'v' }]);
    expect(outcome?.status).toBe('accepted');
  });

  it('refuses a product id and sku naming different products, a price with too many decimals and an unknown customer', async () => {
    const { workspaceId, ids } = await h.newShop();
    const outcomes = await h.recorder.record(workspaceId, [
      { type: 'view', productId: ids['RUN-1'], sku: 'TEE-1', visitorId: 'v' },
      { type: 'purchase', sku: 'TEE-1', visitorId: 'v', price: '35.001' },
      { type: 'view', sku: 'TEE-1', customerId: 'not-a-customer' },
    ]);
    expect(outcomes).toEqual([
      expect.objectContaining({ code: 'product_mismatch', field: 'sku' }),
      expect.objectContaining({ code: 'invalid', field: 'price' }),
      expect.objectContaining({ code: 'unknown_customer', field: 'customerId' }),
    ]);
  });

  describe('when a visitor is identified', () => {
    it('gives the visitor’s earlier and later anonymous events the customer found or created by e-mail', async () => {
      const { workspaceId, ids } = await h.newShop();
      const t = Date.now() - 10 * MINUTE;
      await h.recorder.record(workspaceId, [
        { type: 'view', sku: 'RUN-1', visitorId: 'cookie-7', at: t },
        { type: 'view', sku: 'TEE-1', visitorId: 'cookie-7', at: t + 1000 },
      ]);
      await h.recorder.record(workspaceId, [{ type: 'add_to_cart', sku: 'TEE-1', visitorId: 'cookie-7', email: 'Runner@Example.com', at: t + 2000 }]);
      const customer = await h.commerce.findCustomerByEmail(workspaceId, 'runner@example.com');
      expect(customer).toBeDefined();
      await h.recorder.record(workspaceId, [{ type: 'purchase', sku: 'TEE-1', visitorId: 'cookie-7', at: t + 3000 }]);

      const history = await h.store.history(workspaceId, { customerId: customer!.id });
      expect(history.map((e) => e.type)).toEqual(['purchase', 'add_to_cart', 'view', 'view']);
      expect(await h.store.recentProducts(workspaceId, { customerId: customer!.id })).toEqual([ids['RUN-1'], ids['TEE-1']]);
      // The same address later finds the same customer rather than creating another.
      await h.recorder.record(workspaceId, [{ type: 'view', sku: 'RUN-1', email: 'runner@example.com' }]);
      const customers = await h.database.handle.db.selectFrom('customers').select('id').where('workspace_id', '=', workspaceId).execute();
      expect(customers).toHaveLength(1);
    });
  });

  it('writes the events of concurrent requests in fewer transactions than requests', async () => {
    const { workspaceId } = await h.newShop();
    const flushes = async () => {
      const values = ((await h.registry.getSingleMetric('pgdesk_events_flush_size')?.get())?.values ?? []) as Array<{ value: number; metricName?: string }>;
      return values.find((v) => v.metricName === 'pgdesk_events_flush_size_count')?.value ?? 0;
    };
    const before = await flushes();
    const requests = Array.from({ length: 40 }, (_, i) => h.recorder.record(workspaceId, [{ type: 'view', sku: 'TEE-1', visitorId: `v${i}` }]));
    const outcomes = (await Promise.all(requests)).flat();
    expect(outcomes.every((o) => o.status === 'accepted')).toBe(true);
    expect(await flushes()).toBeLessThan(before + 10);
    expect(await h.store.count(workspaceId)).toBe(40);
  });
});
