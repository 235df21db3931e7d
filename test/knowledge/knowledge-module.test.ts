import type { Queue } from 'bullmq';
import pino from 'pino';
import { KnowledgeModule } from '../../knowledge/knowledge-module';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../platform/database';
import { WorkspaceStore } from '../../platform/workspaces';
import type { ReindexKnowledgeJobData } from '../../workers/queues';
import { createSqliteDatabase, type TestDatabase } from '../support/databases';

const ARTICLE = { category: 'shipping', language: 'en', questions: [], tags: [] };

describe('KnowledgeModule index lifecycle (SQLite, events applied by hand)', () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let workspaces: WorkspaceStore;
  let queued: ReindexKnowledgeJobData[];
  let counter = 0;

  beforeAll(async () => {
    database = await createSqliteDatabase();
    handle = openDatabase(database.url);
    await migrateToLatest(handle.db as never);
    workspaces = new WorkspaceStore(handle.db);
  });

  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });

  async function setUp(): Promise<{ module: KnowledgeModule; ws: string }> {
    queued = [];
    const queue = { add: (_name: string, data: ReindexKnowledgeJobData) => Promise.resolve(queued.push(data)) } as unknown as Queue<ReindexKnowledgeJobData>;
    const module = new KnowledgeModule({ db: handle.db, queue, workspaces, logger: pino({ level: 'silent' }), publicUrl: 'https://shop.example', answerThreshold: 0.25, outOfScopeThreshold: 0.6, refreshMs: 60_000 });
    counter++;
    const ws = (await workspaces.ensure({ slug: `kbm-${counter}`, name: 'KB', defaultLanguage: 'en' })).workspace.id;
    return { module, ws };
  }

  it('builds on first use from published texts only, and links answers to the workspace help page', async () => {
    const { module, ws } = await setUp();
    await module.store.createArticle(ws, 'admin', { ...ARTICLE, slug: 'express', title: 'Express delivery', body: 'Express delivery with DHL takes 1-3 business days.', publish: true });
    await module.store.createArticle(ws, 'admin', { ...ARTICLE, slug: 'returns', title: 'Returns', body: 'Send items back within 30 days for a refund.', publish: true });
    await module.store.createArticle(ws, 'admin', { ...ARTICLE, slug: 'payments', title: 'Payment methods', body: 'We accept cards, PayPal and Klarna.', publish: true });
    await module.store.createArticle(ws, 'admin', { ...ARTICLE, slug: 'secret', title: 'Draft', body: 'Unannounced drone delivery.' });
    expect(await module.indexStatus(ws)).toEqual({ version: 0, documents: 3 });
    const answer = await module.answer(ws, 'how many days does express delivery with DHL take?', 'en');
    expect(answer).toMatchObject({ outcome: 'answer', article: { slug: 'express', url: `https://shop.example/help/kbm-${counter}/express?lang=en` } });
    expect((await module.answer(ws, 'drone delivery?', 'en')).article?.slug).not.toBe('secret');
  });

  it('applies the next version incrementally, ignores old events, and rebuilds after a gap', async () => {
    const { module, ws } = await setUp();
    await module.store.createArticle(ws, 'admin', { ...ARTICLE, slug: 'express', title: 'Express delivery', body: 'Express takes 1-3 days.', publish: true });
    await module.indexStatus(ws);
    await module.store.createArticle(ws, 'admin', { ...ARTICLE, slug: 'returns', title: 'Returns', body: 'Return within 30 days for a refund.', publish: true });
    await module.handleIndexChanged({ workspaceId: ws, version: await module.store.bumpIndexVersion(ws), slugs: ['returns'] });
    expect(await module.indexStatus(ws)).toEqual({ version: 1, documents: 2 });
    await module.handleIndexChanged({ workspaceId: ws, version: 1, slugs: ['returns'] });
    expect((await module.indexStatus(ws)).version).toBe(1);
    // Version 2 is never announced (a lost event); version 3 arrives: the whole index is rebuilt from the database.
    await module.store.archive(ws, 'admin', 'express', 'en');
    await module.store.bumpIndexVersion(ws);
    await module.store.createArticle(ws, 'admin', { ...ARTICLE, slug: 'sizes', title: 'Sizes', body: 'Size M is EU 40.', publish: true });
    await module.handleIndexChanged({ workspaceId: ws, version: await module.store.bumpIndexVersion(ws), slugs: ['sizes'] });
    expect(await module.indexStatus(ws)).toEqual({ version: 3, documents: 2 });
    expect((await module.answer(ws, 'express delivery days', 'en')).article?.slug).not.toBe('express');
  });

  it('does not build an index for an event about a workspace it never searched', async () => {
    const { module, ws } = await setUp();
    await module.handleIndexChanged({ workspaceId: ws, version: 5, slugs: 'all' });
    expect(await module.indexStatus(ws)).toEqual({ version: 0, documents: 0 });
  });

  it('asks for a re-index only when something changed, and seeds an empty knowledge base once', async () => {
    const { module, ws } = await setUp();
    await module.requestReindex(ws, [], 'admin');
    expect(queued).toEqual([]);
    const written = await module.seedFromFolder(ws, 'knowledge/demo/articles');
    expect(written).toBe(376);
    expect(queued).toEqual([{ workspaceId: ws, slugs: 'all', requestedBy: 'startup' }]);
    expect(await module.seedFromFolder(ws, 'knowledge/demo/articles')).toBe(0);
  });

  it('is unsure below the threshold and stricter for out-of-scope messages', async () => {
    const { module, ws } = await setUp();
    await module.store.createArticle(ws, 'admin', { ...ARTICLE, slug: 'express', title: 'Express delivery', body: 'Express delivery with DHL takes 1-3 business days to Peru.', publish: true });
    expect((await module.answer(ws, 'what is the capital of Peru and its population', 'en', { outOfScope: true })).outcome).toBe('unsure');
    expect((await module.answer(ws, 'zzz qqq', 'en')).outcome).toBe('unsure');
  });
});
