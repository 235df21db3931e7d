import { CatalogImporter } from '../../../commerce';
import { createRecommendationService, type RecommendationQuery, type RecommendationResult, type RecommendationService } from '../../../recommender/serving';
import { engines } from '../../support/databases';
import { random } from '../support/generated-sequences';
import { BRANDS, openServingHarness, servingProducts, type ServingHarness } from './serving-harness';

const MINUTE = 60_000;

describe.each(engines)('RecommendationService on %s', (_engine, createDatabase) => {
  let h: ServingHarness;
  let serving: RecommendationService;
  let store: { workspaceId: string; ids: Record<string, string> };
  /** sku by product id, across stores. */
  const skus = new Map<string, string>();
  let customerId: string;

  const skusOf = (result: RecommendationResult): string[] => result.products.map((p) => skus.get(p.product.id)!);
  const ask = (query: Partial<RecommendationQuery>): Promise<RecommendationResult> =>
    serving.recommend({ workspaceId: store.workspaceId, country: 'ES', ...query });

  async function newStore(options: Parameters<ServingHarness['newStore']>[0] = {}) {
    const made = await h.newStore(options);
    for (const [sku, id] of Object.entries(made.ids)) skus.set(id, sku);
    return made;
  }

  beforeAll(async () => {
    h = await openServingHarness(createDatabase);
    serving = createRecommendationService({
      catalogue: h.catalogue,
      events: h.store,
      liveModel: async (workspaceId) => h.models.get(workspaceId),
      popularity: h.popularity,
    });
    store = await newStore();
    // Ana looked at two shoes: one on the storefront (anonymous, then she logged in), one in the chat.
    const t = Date.now() - 10 * MINUTE;
    await h.recorder.record(store.workspaceId, [{ type: 'view', sku: 'SHOE-0', visitorId: 'cookie-ana', at: t }], { source: 'storefront' });
    await h.recorder.record(store.workspaceId, [{ type: 'add_to_cart', sku: 'SHOE-0', visitorId: 'cookie-ana', email: 'ana@example.com', at: t + 1000 }], { source: 'storefront' });
    customerId = (await h.commerce.findCustomerByEmail(store.workspaceId, 'ana@example.com'))!.id;
    await h.recorder.record(store.workspaceId, [{ type: 'view', sku: 'SHOE-1', customerId, at: t + 2000 }], { source: 'chat:webchat' });
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  describe('for a customer with a history on two channels', () => {
    it('recommends what goes with both channels’ products, in stock and shipping to the country, each explained', async () => {
      const result = await ask({ subject: { customerId } });
      // Shoes 0 and 1 were seen, 6 ships to France only, 7 is out of stock: the four other shoes remain.
      expect(skusOf(result).sort()).toEqual(['SHOE-2', 'SHOE-3', 'SHOE-4', 'SHOE-5']);
      expect(result.model).toEqual({ kind: 'blend', version: expect.any(Number) });
      expect(result.relaxed).toBe(false);
      for (const { reason } of result.products) {
        expect(reason.kind).toBe('history');
        expect([store.ids['SHOE-0'], store.ids['SHOE-1']]).toContain(reason.productId);
        expect(reason.text).toMatch(/^Because you looked at (Swift|Bold) Running Shoe$/);
      }
    });

    it('answers concurrent requests as it answers each alone (the shared buffers are held by one at a time)', async () => {
      const queries: Array<Partial<RecommendationQuery>> = [
        { subject: { customerId } },
        { subject: { customerId }, country: 'FR', limit: 6 },
        { seedProductId: store.ids['SHOE-2']! },
        { subject: { sessionProductIds: [store.ids['SHOE-3']!] }, limit: 3 },
      ];
      const alone: string[][] = [];
      for (const query of queries) alone.push(skusOf(await ask(query)));
      const together = await Promise.all(queries.map(async (query) => skusOf(await ask(query))));
      expect(together).toEqual(alone);
    });

    it('shows the product that ships only to France to a shopper in France', async () => {
      expect(skusOf(await ask({ subject: { customerId }, country: 'FR', limit: 6 }))).toContain('SHOE-6');
      expect(skusOf(await ask({ subject: { customerId }, country: 'ES', limit: 6 }))).not.toContain('SHOE-6');
    });

    it('explains in the shopper’s language with the localised title', async () => {
      const result = await ask({ subject: { customerId }, language: 'es' });
      expect(result.products[0]!.product.title).toMatch(/^Zapatilla de running /);
      expect(result.products[0]!.reason.text).toMatch(/^Porque viste Zapatilla de running (Rápida|Audaz)$/);
      const french = await ask({ subject: { customerId }, language: 'fr' });
      expect(french.products[0]!.reason.text).toMatch(/^Parce que vous avez regardé /);
    });

    it('leaves out products asked to exclude', async () => {
      const result = await ask({ subject: { customerId }, rules: { excludeProductIds: [store.ids['SHOE-2']!, store.ids['SHOE-3']!] } });
      expect(skusOf(result)).not.toContain('SHOE-2');
      expect(skusOf(result)).not.toContain('SHOE-3');
      expect(result.products).toHaveLength(4);
    });

    it('keeps to the price range in the request currency', async () => {
      const eur = await ask({ subject: { customerId }, currency: 'EUR', rules: { price: { minMinor: 2000, maxMinor: 4000 } }, limit: 6 });
      expect(eur.products.length).toBeGreaterThan(0);
      for (const { product } of eur.products) {
        expect(product.price.currency).toBe('EUR');
        expect(product.price.amountMinor).toBeGreaterThanOrEqual(2000);
        expect(product.price.amountMinor).toBeLessThanOrEqual(4000);
      }
      // Only every second product has a USD price: the others cannot be priced for this shopper.
      const usd = await ask({ subject: { customerId }, currency: 'USD', rules: { price: { maxMinor: 6000 } }, limit: 8 });
      expect(usd.products.length).toBeGreaterThan(0);
      for (const { product } of usd.products) {
        expect(product.price).toMatchObject({ currency: 'USD', inRequestedCurrency: true });
        expect(product.price.amountMinor).toBeLessThanOrEqual(6000);
      }
    });

    it('keeps to the categories and brands asked, in any case', async () => {
      const tees = await ask({ subject: { customerId }, rules: { categories: ['tees'] } });
      expect(tees.products).toHaveLength(4);
      expect(tees.products.every((p) => p.product.category === 'Tees')).toBe(true);
      const stride = await ask({ subject: { customerId }, rules: { brands: ['STRIDE'], maxPerBrand: 10 }, limit: 6 });
      expect(stride.products.length).toBeGreaterThanOrEqual(4);
      expect(stride.products.every((p) => p.product.brand === 'Stride')).toBe(true);
    });

    it('shows at most two products of a brand by default, and one when asked', async () => {
      const count = (result: RecommendationResult) => {
        const perBrand = new Map<string, number>();
        for (const { product } of result.products) perBrand.set(product.brand!, (perBrand.get(product.brand!) ?? 0) + 1);
        return Math.max(...perBrand.values());
      };
      const eight = await ask({ subject: { customerId }, limit: 8 });
      expect(eight.products).toHaveLength(8);
      expect(count(eight)).toBe(2);
      const diverse = await ask({ subject: { customerId }, limit: 4, rules: { maxPerBrand: 1 } });
      expect(diverse.products.map((p) => p.product.brand).sort()).toEqual([...BRANDS].sort());
    });

    it('relaxes an impossible price but keeps the category, and says so', async () => {
      const result = await ask({ subject: { customerId }, rules: { categories: ['Shoes'], price: { maxMinor: 1 } } });
      expect(result.relaxed).toBe(true);
      expect(skusOf(result).sort()).toEqual(['SHOE-2', 'SHOE-3', 'SHOE-4', 'SHOE-5']);
    });

    it('relaxes an impossible brand, never stock or shipping', async () => {
      const result = await ask({ subject: { customerId }, rules: { brands: ['Nobody'] }, limit: 30 });
      expect(result.relaxed).toBe(true);
      expect(result.products.length).toBeGreaterThan(4);
      expect(skusOf(result)).not.toContain('SHOE-7');
      expect(skusOf(result)).not.toContain('SHOE-6');
    });
  });

  describe('when the shopper bought something', () => {
    it('does not recommend it again unless asked to', async () => {
      await h.recorder.record(store.workspaceId, [{ type: 'purchase', sku: 'SHOE-2', email: 'bea@example.com', at: Date.now() - 2 * MINUTE }], { source: 'storefront' });
      const bea = (await h.commerce.findCustomerByEmail(store.workspaceId, 'bea@example.com'))!.id;
      // Now she looks at another shoe: the shoes that go with it include the one she bought.
      const subject = { customerId: bea, sessionProductIds: [store.ids['SHOE-3']!] };
      const plain = await ask({ subject, limit: 5 });
      expect(skusOf(plain).filter((sku) => sku.startsWith('SHOE')).sort()).toEqual(['SHOE-0', 'SHOE-1', 'SHOE-4', 'SHOE-5']);
      const again = await ask({ subject, limit: 5, rules: { includePurchased: true } });
      expect(skusOf(again)).toContain('SHOE-2');
      expect(skusOf(again)).not.toContain('SHOE-3');
    });
  });

  describe('for a shopper nobody knows', () => {
    it('answers with popular products of the country, never an error', async () => {
      const result = await ask({ subject: { customerId: 'no-such-customer', visitorId: 'new-visitor' } });
      expect(result.products).toHaveLength(4);
      expect(skusOf(result)[0]).toBe('TEE-0');
      expect(result.products[0]!.reason).toEqual({ kind: 'popular', text: 'Popular in your country' });
      const nowhere = await ask({ country: 'JP', language: 'de' });
      expect(nowhere.products[0]!.reason).toEqual({ kind: 'popular', text: 'Gerade beliebt' });
    });

    it('scores the session’s products', async () => {
      const result = await ask({ subject: { visitorId: 'fresh', sessionProductIds: [store.ids['JKT-1']!, store.ids['JKT-2']!] } });
      expect(result.products.every((p) => p.product.category === 'Jackets')).toBe(true);
      expect(skusOf(result)).not.toContain('JKT-1');
    });
  });

  describe('for a seed product', () => {
    it('ranks by the seed when the model knows it', async () => {
      const result = await ask({ seedProductId: store.ids['BAG-3'], language: 'es' });
      expect(result.products.every((p) => p.product.category === 'Bags')).toBe(true);
      expect(skusOf(result)).not.toContain('BAG-3');
      expect(result.products[0]!.reason).toEqual({ kind: 'similar', text: 'Similar a Mochila Brillante', productId: store.ids['BAG-3'] });
    });

    it('finds products like a brand-new one from the catalogue text', async () => {
      const { workspaceId } = store;
      await new CatalogImporter(h.database.handle.db).import(workspaceId, 'json', {
        products: [{ sku: 'SHOE-NEW', name: 'Trail Running Shoe', category: 'Shoes', brand: 'Stride', price: '99.00', currency: 'EUR', stock: 3 }],
      });
      await h.catalogue.refresh(workspaceId);
      const seed = (await h.catalogue.get(workspaceId)).indexOfSku('SHOE-NEW');
      expect(seed).toBeDefined();
      const seedId = (await h.catalogue.get(workspaceId)).idAt(seed!);
      skus.set(seedId, 'SHOE-NEW');
      const result = await ask({ seedProductId: seedId, limit: 3 });
      expect(result.products).toHaveLength(3);
      expect(result.products.every((p) => p.product.category === 'Shoes')).toBe(true);
      expect(result.products[0]!.reason).toEqual({ kind: 'content', text: 'Similar to Trail Running Shoe', productId: seedId });
    });
  });

  describe('when the rules turn away most of what the model ranks', () => {
    it('masks the refused items once, and a relaxed retry still ranks by the model', async () => {
      // 400 products, 8 of them in a rare category; shoppers browse at random, so the model scores them all.
      const products = Array.from({ length: 400 }, (_, k) => ({
        sku: `N-${k}`,
        name: `Item ${k}`,
        category: k % 50 === 0 ? 'Rare' : 'Common',
        brand: `B${k % 7}`,
        price: `${10 + (k % 90)}.00`,
        currency: 'EUR',
        stock: 5,
      }));
      const rnd = random(17);
      const big = await newStore({
        products,
        sessions: (ids) => Array.from({ length: 400 }, (_, u) => ({ user: `u${u}`, items: Array.from({ length: 6 }, () => ids[`N-${Math.floor(rnd() * 400)}`]!) })),
      });
      const subject = { sessionProductIds: [big.ids['N-1']!, big.ids['N-2']!] };
      const result = await serving.recommend({ workspaceId: big.workspaceId, subject, limit: 3, rules: { categories: ['rare'], price: { maxMinor: 1 } } });
      expect(result.relaxed).toBe(true);
      expect(result.products).toHaveLength(3);
      expect(result.products.every((p) => p.product.category === 'Rare')).toBe(true);
      expect(result.products.map((p) => p.reason.kind)).toEqual(['history', 'history', 'history']);
      // And the next request sees the whole model again.
      const next = await serving.recommend({ workspaceId: big.workspaceId, subject, limit: 20, rules: { maxPerBrand: 20 } });
      expect(next.products).toHaveLength(20);
      expect(next.products.filter((p) => p.product.category === 'Common').length).toBeGreaterThan(10);
    });
  });

  describe('without a live model', () => {
    it('recommends the products with the most events, in the country first', async () => {
      const fresh = await newStore({ train: false });
      const now = Date.now();
      await h.recorder.record(fresh.workspaceId, [
        ...Array.from({ length: 3 }, (_, n) => ({ type: 'view' as const, sku: 'BAG-5', visitorId: `es-${n}`, country: 'ES', at: now - n * MINUTE })),
        ...Array.from({ length: 5 }, (_, n) => ({ type: 'view' as const, sku: 'TEE-4', visitorId: `de-${n}`, country: 'DE', at: now - n * MINUTE })),
      ]);
      const result = await serving.recommend({ workspaceId: fresh.workspaceId, country: 'ES' });
      expect(result.model).toEqual({ kind: 'popularity-fallback', version: null });
      expect(skusOf(result).slice(0, 2)).toEqual(['BAG-5', 'TEE-4']);
      expect(result.products.map((p) => p.reason.text).slice(0, 2)).toEqual(['Popular in your country', 'Popular right now']);
      expect(result.products).toHaveLength(4);
    });

    it('falls back to catalogue order in a store without any event, and is never empty while a product can be shown', async () => {
      const products = servingProducts().map((p) => (p.sku === 'TEE-3' ? p : { ...p, stock: 0 }));
      const bare = await newStore({ train: false, products });
      const result = await serving.recommend({ workspaceId: bare.workspaceId, country: 'ES', language: 'it', rules: { brands: ['Nobody'], price: { maxMinor: 1 } } });
      expect(skusOf(result)).toEqual(['TEE-3']);
      expect(result.relaxed).toBe(true);
      expect(result.products[0]!.reason).toEqual({ kind: 'popular', text: 'Dal nostro catalogo' });
    });
  });
});
