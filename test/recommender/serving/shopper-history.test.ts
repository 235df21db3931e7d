import { loadShopperHistory } from '../../../recommender/serving/shopper-history';
import { createSqliteDatabase } from '../../support/databases';
import { openEventsHarness, type EventsHarness } from '../events/events-harness';

const MINUTE = 60_000;

describe('loadShopperHistory', () => {
  let h: EventsHarness;

  beforeAll(async () => {
    h = await openEventsHarness(createSqliteDatabase);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('merges a customer’s channels, an unlinked visitor and the session by time, each product once at its last place', async () => {
    const { workspaceId, ids } = await h.newShop();
    const t = Date.now() - 30 * MINUTE;
    await h.recorder.record(workspaceId, [{ type: 'view', sku: 'RUN-1', email: 'ana@example.com', at: t }], { source: 'storefront' });
    const customerId = (await h.commerce.findCustomerByEmail(workspaceId, 'ana@example.com'))!.id;
    await h.recorder.record(workspaceId, [{ type: 'view', sku: 'JKT-1', customerId, at: t + MINUTE }], { source: 'chat:whatsapp' });
    // On another device, not logged in yet.
    await h.recorder.record(workspaceId, [{ type: 'purchase', sku: 'CAP-1', visitorId: 'phone-1', at: t + 2 * MINUTE }], { source: 'storefront' });
    await h.recorder.record(workspaceId, [{ type: 'view', sku: 'RUN-1', customerId, at: t + 3 * MINUTE }], { source: 'chat:webchat' });

    const history = await loadShopperHistory(h.store, workspaceId, { customerId, visitorId: 'phone-1', sessionProductIds: [ids['TEE-1']!, ids['JKT-1']!] });
    expect(history.products).toEqual([ids['CAP-1'], ids['RUN-1'], ids['TEE-1'], ids['JKT-1']]);
    expect([...history.purchased]).toEqual([ids['CAP-1']]);
  });

  it('is empty for nobody and for a customer without events', async () => {
    const { workspaceId } = await h.newShop();
    expect(await loadShopperHistory(h.store, workspaceId, undefined)).toEqual({ products: [], purchased: new Set() });
    expect((await loadShopperHistory(h.store, workspaceId, { customerId: 'nobody' })).products).toEqual([]);
  });
});
