import { gzipSync } from 'node:zlib';
import { collectSequences, HistoryImporter, HistoryImportError, type HistoryIssue } from '../../../recommender/events';
import { engines } from '../../support/databases';
import { openEventsHarness, type EventsHarness } from './events-harness';

/** The issues of a refused import. */
async function issuesOf(promise: Promise<unknown>): Promise<HistoryIssue[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HistoryImportError) return error.issues;
    throw error;
  }
  throw new Error('The import was expected to be refused.');
}

describe.each(engines)('HistoryImporter on %s', (_engine, createDatabase) => {
  let h: EventsHarness;
  let importer: HistoryImporter;

  beforeAll(async () => {
    h = await openEventsHarness(createDatabase);
    importer = new HistoryImporter(h.database.handle.db);
  });

  afterAll(async () => {
    await h?.close();
  });

  const count = async (table: 'products' | 'interaction_events' | 'customers', workspaceId: string) =>
    (await h.database.handle.db.selectFrom(table).select('workspace_id').where('workspace_id', '=', workspaceId).execute()).length;

  describe('a sequence file', () => {
    const SEQUENCES = '1 RUN-1 TEE-1 X-9\n2 X-9 X-10\n\n3 TEE-1\n';

    it('imports gzipped lines as each visitor’s purchases in order, with inactive placeholders for unknown skus when asked', async () => {
      const { workspaceId, ids } = await h.newShop();
      const counts = await importer.import(workspaceId, 'sequences', gzipSync(SEQUENCES), { createPlaceholders: true });
      expect(counts).toEqual({ events: { inserted: 6, duplicates: 0 }, shoppers: 3, placeholders: 2, customers: { created: 0 } });
      const placeholder = await h.database.handle.db.selectFrom('products').selectAll().where('workspace_id', '=', workspaceId).where('sku', '=', 'X-9').executeTakeFirstOrThrow();
      expect(placeholder).toMatchObject({ name: 'X-9', active: 0, stock: 0, price_minor: 0 });
      const sequences = await collectSequences(h.exporter.sequences(workspaceId));
      expect(sequences.find((s) => s.user === 'visitor:1')?.items).toEqual([ids['RUN-1'], ids['TEE-1'], placeholder.id]);
      expect((await h.store.history(workspaceId, { visitorId: '2' })).map((e) => e.type)).toEqual(['purchase', 'purchase']);

      // The same file again stores nothing new.
      expect((await importer.import(workspaceId, 'sequences', SEQUENCES, { createPlaceholders: true })).events).toEqual({ inserted: 0, duplicates: 6 });
    });

    it('refuses unknown skus with their lines and writes nothing', async () => {
      const { workspaceId } = await h.newShop();
      const issues = await issuesOf(importer.import(workspaceId, 'sequences', SEQUENCES));
      expect(issues).toEqual([
        { row: 1, field: 'sku', message: expect.stringContaining('"X-9"') },
        { row: 2, field: 'sku', message: expect.stringContaining('"X-9"') },
        { row: 2, field: 'sku', message: expect.stringContaining('"X-10"') },
      ]);
      expect(await count('interaction_events', workspaceId)).toBe(0);
      expect(await count('products', workspaceId)).toBe(4);
    });

    it('refuses a user on two lines', async () => {
      const issues = await issuesOf(importer.import((await h.newShop()).workspaceId, 'sequences', 'u1 TEE-1\nu1 RUN-1'));
      expect(issues).toEqual([{ row: 2, field: 'user', message: expect.stringContaining('line 1') }]);
    });
  });

  describe('a CSV file', () => {
    it('imports events of known shoppers, creating customers by e-mail and linking their visitor ids', async () => {
      const { workspaceId, ids } = await h.newShop();
      const csv = [
        'at,type,sku,email,visitor_id,quantity,price,currency,country',
        '2024-03-01T10:00:00Z,view,RUN-1,,web-1,,,,',
        '2024-03-01T10:05:00Z,purchase,RUN-1,Eva@Example.com,web-1,1,120.00,EUR,FR',
        '2024-03-02T09:00:00Z,,TEE-1,eva@example.com,,2,,,FR',
      ].join('\n');
      const counts = await importer.import(workspaceId, 'csv', csv);
      expect(counts).toEqual({ events: { inserted: 3, duplicates: 0 }, shoppers: 2, placeholders: 0, customers: { created: 1 } });
      const eva = await h.commerce.findCustomerByEmail(workspaceId, 'eva@example.com');
      const history = await h.store.history(workspaceId, { customerId: eva!.id });
      // The visitor's earlier view joins Eva through the link her purchase made; a row without type is a purchase.
      expect(history.map((e) => [e.type, e.productId])).toEqual([
        ['purchase', ids['TEE-1']],
        ['purchase', ids['RUN-1']],
        ['view', ids['RUN-1']],
      ]);
      expect(history[1]).toMatchObject({ price: { amountMinor: 12000, currency: 'EUR' }, quantity: 1, country: 'FR', source: 'import' });
    });

    it('writes a long history in several transactions, a later identification still reaching earlier events', async () => {
      const { workspaceId } = await h.newShop();
      const csv = [
        'at,type,sku,visitor_id,email',
        '2024-03-01T10:00:00Z,view,RUN-1,web-9,',
        '2024-03-01T10:01:00Z,view,TEE-1,web-9,',
        '2024-03-01T10:02:00Z,view,JKT-1,web-9,',
        '2024-03-01T10:03:00Z,purchase,TEE-1,web-9,zoe@example.com',
        '2024-03-01T10:04:00Z,view,CAP-1,web-9,',
      ].join('\n');
      const counts = await importer.import(workspaceId, 'csv', csv, { eventsPerTransaction: 2 });
      expect(counts.events).toEqual({ inserted: 5, duplicates: 0 });
      const zoe = await h.commerce.findCustomerByEmail(workspaceId, 'zoe@example.com');
      expect(await h.store.history(workspaceId, { customerId: zoe!.id })).toHaveLength(5);
    });

    it('reports bad cells by line and column, and writes nothing', async () => {
      const { workspaceId } = await h.newShop();
      const csv = [
        'at,type,sku,visitor_id',
        'yesterday,view,RUN-1,v',
        '2024-03-01T10:00:00Z,like,RUN-1,v',
        '2024-03-01T10:00:00Z,view,RUN-1,',
        '1709287200,view,RUN-1,v',
      ].join('\n');
      const issues = await issuesOf(importer.import(workspaceId, 'csv', csv));
      expect(issues).toEqual([
        expect.objectContaining({ row: 2, field: 'at' }),
        expect.objectContaining({ row: 3, field: 'type', message: expect.stringContaining('view, add_to_cart') }),
        expect.objectContaining({ row: 4, field: 'visitor_id', message: expect.stringContaining('needs visitorId, customerId or email') }),
        expect.objectContaining({ row: 5, field: 'at', message: expect.stringContaining('not seconds') }),
      ]);
      expect(await count('interaction_events', workspaceId)).toBe(0);
    });

    it('names unknown and missing header columns on line 1', async () => {
      const issues = await issuesOf(importer.import((await h.newShop()).workspaceId, 'csv', 'when,sku,visitor_id\n1,RUN-1,v'));
      expect(issues).toEqual([
        expect.objectContaining({ row: 1, field: 'when', message: expect.stringContaining('not a known column') }),
        expect.objectContaining({ row: 1, field: 'at', message: expect.stringContaining('required column') }),
      ]);
    });
  });

  describe('a JSON document', () => {
    it('imports events given as in the events API, requiring their time', async () => {
      const { workspaceId } = await h.newShop();
      const issues = await issuesOf(importer.import(workspaceId, 'json', [{ type: 'view', sku: 'TEE-1', visitorId: 'v' }]));
      expect(issues).toEqual([{ row: 1, field: 'at', message: expect.stringContaining('required') }]);
      const counts = await importer.import(workspaceId, 'json', JSON.stringify({ events: [{ type: 'view', sku: 'TEE-1', visitorId: 'v', at: '2024-01-01T00:00:00Z' }] }));
      expect(counts.events.inserted).toBe(1);
    });

    it('refuses text that is not JSON and an empty history', async () => {
      const { workspaceId } = await h.newShop();
      expect(await issuesOf(importer.import(workspaceId, 'json', '{nope'))).toEqual([expect.objectContaining({ message: expect.stringContaining('not valid JSON') })]);
      expect(await issuesOf(importer.import(workspaceId, 'sequences', '\n\n'))).toEqual([expect.objectContaining({ message: 'The history holds no events.' })]);
    });
  });
});
