import { CatalogImporter } from '../../../commerce';
import { CatalogueStore } from '../../../recommender/catalogue';
import { EventExporter, EventStore, HistoryImporter } from '../../../recommender/events';
import { RecommenderComponent, RecommenderScopeError } from '../../../recommender/module';
import { WriteBatcher } from '../../../platform/database';
import { openCommerceDatabase, type CommerceTestDatabase } from '../../commerce/commerce-test-database';
import { engines } from '../../support/databases';
import { chainSequences, successor } from '../support/generated-sequences';

const ITEMS = 30;

describe.each(engines)('RecommenderComponent on %s', (_engine, createDatabase) => {
  let database: CommerceTestDatabase;
  let history: HistoryImporter;
  let catalogueStore: CatalogueStore;
  let component: RecommenderComponent;

  beforeAll(async () => {
    database = await openCommerceDatabase(createDatabase);
    const { db, engine } = database.handle;
    history = new HistoryImporter(db);
    catalogueStore = new CatalogueStore(db);
    component = new RecommenderComponent({ exporter: new EventExporter(db, new EventStore(db, new WriteBatcher(db, engine))), catalogueStore, minTrainingUsers: 20 });
  });

  afterAll(async () => {
    await database?.close();
  });

  /** A workspace whose shoppers' sequences (item ids as skus) are imported as purchase history. */
  async function shopWith(sequences: ReturnType<typeof chainSequences>) {
    const workspaceId = await database.newWorkspace();
    const text = sequences.map((s) => `${s.user} ${s.items.join(' ')}`).join('\n');
    await history.import(workspaceId, 'sequences', text, { createPlaceholders: true });
    const skus = [...new Set(sequences.flatMap((s) => s.items))];
    return { workspaceId, ids: await catalogueStore.idsBySku(workspaceId, skus) };
  }

  describe('when a workspace has enough shoppers', () => {
    it('collects their stored sequences and trains a blend that ranks the planted next item first', async () => {
      const sequences = chainSequences({ users: 150, items: ITEMS, length: 6, noise: 0.02, seed: 3 });
      const { workspaceId, ids } = await shopWith(sequences);
      const set = await component.collect(workspaceId);
      expect(set.kind).toBe('blend');
      expect(set.data.sequences).toHaveLength(150);
      expect(set.data.shoppers).toBe(150);
      expect(set.data.catalogue.length).toBeGreaterThanOrEqual(ITEMS - 1);
      // The first shopper's items come back as product ids in their order.
      expect(set.data.sequences.find((s) => s.user === 'visitor:u0')?.items).toEqual(sequences[0]!.items.map((sku) => ids.get(sku)));

      const progress: number[] = [];
      const trained = await component.train(set, { onProgress: (f) => progress.push(f) });
      expect(progress.at(-1)).toBe(1);
      expect(trained.metrics).toMatchObject({ split: 'validation', users: 150, kind: 'blend', shoppers: 150 });
      for (const key of ['hr10', 'ndcg10', 'hr20', 'ndcg20', 'trainSeconds', 'items']) expect(typeof trained.metrics[key]).toBe('number');
      expect(trained.metrics.hr10 as number).toBeGreaterThan(0.8);

      const model = component.load(set.kind, trained.artefact);
      for (const sku of ['i3', 'i17', 'i25']) {
        const next = ids.get(successor(sku, ITEMS));
        expect(model.recommend({ history: [ids.get(sku)!], k: 5 })[0]?.item).toBe(next);
      }
    });

    it('fingerprints the data: the same events give the same fingerprint, one more event another', async () => {
      const { workspaceId } = await shopWith(chainSequences({ users: 30, items: ITEMS, length: 4, seed: 5 }));
      const first = await component.collect(workspaceId);
      expect((await component.collect(workspaceId)).fingerprint).toBe(first.fingerprint);
      await history.import(workspaceId, 'sequences', 'late-shopper i1 i2', { createPlaceholders: true });
      expect((await component.collect(workspaceId)).fingerprint).not.toBe(first.fingerprint);
    });
  });

  describe('when a workspace has fewer shoppers than minTrainingUsers', () => {
    it('trains a popularity model that recommends the most bought products', async () => {
      const { workspaceId, ids } = await shopWith([
        { user: 'a', items: ['i1', 'i2'] },
        { user: 'b', items: ['i2', 'i3'] },
        { user: 'c', items: ['i2'] },
      ]);
      const set = await component.collect(workspaceId);
      expect(set.kind).toBe('popularity');
      const trained = await component.train(set, {});
      expect(trained.metrics).toMatchObject({ kind: 'popularity', split: 'validation' });
      expect(typeof trained.metrics.hr10).toBe('number');
      const model = component.load(set.kind, trained.artefact);
      expect(model.recommend({ history: [], k: 3 })[0]?.item).toBe(ids.get('i2'));
    });

    it('trains one for a catalogue without any event, and it still recommends products', async () => {
      const workspaceId = await database.newWorkspace();
      await new CatalogImporter(database.handle.db).import(workspaceId, 'json', {
        products: [
          { sku: 'A', name: 'Trail shoe', price: 50, currency: 'EUR', stock: 3 },
          { sku: 'B', name: 'Running sock', price: 5, currency: 'EUR', stock: 9 },
        ],
      });
      const set = await component.collect(workspaceId);
      expect(set.kind).toBe('popularity');
      expect(set.data.sequences).toEqual([]);
      const trained = await component.train(set, {});
      expect(trained.metrics).toMatchObject({ hr10: 0, users: 0, items: 2 });
      expect(component.load(set.kind, trained.artefact).recommend({ history: [], k: 5 })).toHaveLength(2);
    });
  });

  it('refuses the built-in scope: recommenders are per workspace', async () => {
    await expect(component.collect(null)).rejects.toBeInstanceOf(RecommenderScopeError);
  });

  it('stops when its training is cancelled', async () => {
    const { workspaceId } = await shopWith(chainSequences({ users: 60, items: ITEMS, length: 5, seed: 9 }));
    const set = await component.collect(workspaceId);
    const controller = new AbortController();
    controller.abort();
    await expect(component.train(set, { signal: controller.signal })).rejects.toThrow(/cancelled/);
  });
});
