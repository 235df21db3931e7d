import { InteractionData } from '../../../recommender';
import { collectSequences } from '../../../recommender/events';
import { timeOrderedId } from '../../../platform/database';
import { engines } from '../../support/databases';
import { openEventsHarness, type EventsHarness } from './events-harness';

const MINUTE = 60_000;

describe.each(engines)('The event log on %s', (_engine, createDatabase) => {
  let h: EventsHarness;

  beforeAll(async () => {
    h = await openEventsHarness(createDatabase);
  });

  afterAll(async () => {
    await h?.close();
  });

  /** A shop where two customers and two anonymous visitors did things, in a known order. */
  async function shopWithHistory() {
    const { workspaceId, ids } = await h.newShop();
    const t = Date.now() - 60 * MINUTE;
    const at = (minutes: number) => t + minutes * MINUTE;
    await h.recorder.record(workspaceId, [
      { type: 'view', sku: 'TEE-1', email: 'ana@example.com', at: at(5), country: 'ES' },
      { type: 'view', sku: 'RUN-1', email: 'ana@example.com', at: at(1) },
      { type: 'add_to_cart', sku: 'RUN-1', email: 'ana@example.com', at: at(2) },
      { type: 'purchase', sku: 'RUN-1', email: 'ana@example.com', at: at(3) },
      { type: 'view', sku: 'JKT-1', email: 'ben@example.com', at: at(4), country: 'DE' },
      { type: 'view', sku: 'CAP-1', visitorId: 'anon-b', at: at(6) },
      { type: 'view', sku: 'TEE-1', visitorId: 'anon-a', at: at(8) },
      { type: 'view', sku: 'JKT-1', visitorId: 'anon-a', at: at(7) },
      { type: 'search', query: 'socks', visitorId: 'anon-a', at: at(9) },
    ]);
    const ana = (await h.commerce.findCustomerByEmail(workspaceId, 'ana@example.com'))!.id;
    const ben = (await h.commerce.findCustomerByEmail(workspaceId, 'ben@example.com'))!.id;
    return { workspaceId, ids, ana, ben, at };
  }

  describe('EventExporter.sequences', () => {
    it('streams one time-ordered sequence per shopper, in pages smaller than the log, without product-less searches', async () => {
      const { workspaceId, ids, ana, ben } = await shopWithHistory();
      const sequences = await collectSequences(h.exporter.sequences(workspaceId, { pageSize: 2 }));
      const byUser = Object.fromEntries(sequences.map((s) => [s.user, s]));
      expect(Object.keys(byUser).sort()).toEqual([`customer:${ana}`, `customer:${ben}`, 'visitor:anon-a', 'visitor:anon-b'].sort());
      // Consecutive events on one product (view, cart, purchase) collapse into one item.
      expect(byUser[`customer:${ana}`]).toEqual({ user: `customer:${ana}`, items: [ids['RUN-1'], ids['TEE-1']], country: 'ES' });
      expect(byUser[`customer:${ben}`]).toMatchObject({ items: [ids['JKT-1']], country: 'DE' });
      expect(byUser['visitor:anon-a']?.items).toEqual([ids['JKT-1'], ids['TEE-1']]);
    });

    it('keeps repeats when asked, filters by type and time, and feeds InteractionData', async () => {
      const { workspaceId, ids, ana, at } = await shopWithHistory();
      const all = await collectSequences(h.exporter.sequences(workspaceId, { collapseRepeats: false }));
      expect(all.find((s) => s.user === `customer:${ana}`)?.items).toEqual([ids['RUN-1'], ids['RUN-1'], ids['RUN-1'], ids['TEE-1']]);
      const purchases = await collectSequences(h.exporter.sequences(workspaceId, { types: ['purchase'] }));
      expect(purchases).toEqual([{ user: `customer:${ana}`, items: [ids['RUN-1']] }]);
      const recent = await collectSequences(h.exporter.sequences(workspaceId, { since: at(6) }));
      expect(recent.map((s) => s.user).sort()).toEqual(['visitor:anon-a', 'visitor:anon-b']);
      const data = InteractionData.fromSequences(all);
      expect(data.userCount).toBe(4);
      expect(data.interactionCount).toBe(8);
    });

    it('attributes events of a visitor linked while they were being written before exporting them', async () => {
      const { workspaceId, ids, ben } = await shopWithHistory();
      // An anonymous event that missed the backfill (written by another process in the same instant as the link).
      await h.database.handle.db.insertInto('visitor_links').values({ workspace_id: workspaceId, visitor_id: 'late', customer_id: ben, linked_at: Date.now() }).execute();
      await h.database.handle.db
        .insertInto('interaction_events')
        .values({ id: timeOrderedId(), workspace_id: workspaceId, client_event_id: null, type: 'view', product_id: ids['TEE-1']!, customer_id: null, visitor_id: 'late', session_id: null, at: Date.now(), received_at: Date.now(), country: null, source: null, quantity: null, price_minor: null, currency: null, context: null })
        .execute();
      const sequences = await collectSequences(h.exporter.sequences(workspaceId));
      expect(sequences.find((s) => s.user === `customer:${ben}`)?.items).toEqual([ids['JKT-1'], ids['TEE-1']]);
      expect(sequences.some((s) => s.user === 'visitor:late')).toBe(false);
    });
  });

  describe('EventExporter.events', () => {
    it('pages the raw events in time order', async () => {
      const { workspaceId, ana } = await shopWithHistory();
      const pages = [];
      for await (const page of h.exporter.events(workspaceId, { pageSize: 3 })) pages.push(page);
      expect(pages.map((p) => p.length)).toEqual([3, 3, 2]);
      const events = pages.flat();
      expect(events.map((e) => e.at)).toEqual([...events.map((e) => e.at)].sort((a, b) => a - b));
      expect(events[0]).toMatchObject({ user: `customer:${ana}` });
      expect(InteractionData.fromEvents(events).userCount).toBe(4);
    });
  });

  describe('EventStore', () => {
    it('pages a shopper’s history newest first', async () => {
      const { workspaceId, ana } = await shopWithHistory();
      const first = await h.store.history(workspaceId, { customerId: ana }, { limit: 3 });
      expect(first.map((e) => e.type)).toEqual(['view', 'purchase', 'add_to_cart']);
      const rest = await h.store.history(workspaceId, { customerId: ana }, { limit: 3, before: first[2]! });
      expect(rest.map((e) => e.type)).toEqual(['view']);
      expect(await h.store.history(workspaceId, { visitorId: 'anon-a' }, { types: ['search'] })).toEqual([
        expect.objectContaining({ type: 'search', productId: null, context: { query: 'socks' } }),
      ]);
    });

    it('links a visitor identified outside an event and moves events when two customers merge', async () => {
      const { workspaceId, ana, ben } = await shopWithHistory();
      expect(await h.store.linkVisitor(workspaceId, 'anon-b', ben)).toBe(1);
      expect((await h.store.history(workspaceId, { customerId: ben })).map((e) => e.visitorId)).toEqual(['anon-b', null]);
      expect(await h.store.reassignCustomer(workspaceId, ben, ana)).toBe(2);
      expect(await h.store.history(workspaceId, { customerId: ben })).toEqual([]);
      expect(await h.store.history(workspaceId, { customerId: ana })).toHaveLength(6);
      const link = await h.database.handle.db.selectFrom('visitor_links').selectAll().where('visitor_id', '=', 'anon-b').executeTakeFirst();
      expect(link?.customer_id).toBe(ana);
    });
  });
});
