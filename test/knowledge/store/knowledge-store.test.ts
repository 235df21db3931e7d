import { KnowledgeConflictError, KnowledgeNotFoundError, KnowledgeStore } from '../../../knowledge/store/knowledge-store';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../../platform/database';
import { WorkspaceStore } from '../../../platform/workspaces';
import { engines, type TestDatabase } from '../../support/databases';

const SHIPPING = {
  slug: 'shipping-europe',
  category: 'shipping',
  language: 'en',
  title: 'Shipping to Europe',
  body: 'Standard delivery takes **3-6 business days** and costs EUR 5.90.',
  questions: ['How long does delivery to Germany take?'],
  tags: ['shipping', 'europe'],
};

describe.each(engines)('KnowledgeStore on %s', (_engine, createDatabase) => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let store: KnowledgeStore;
  let workspaces: WorkspaceStore;

  beforeAll(async () => {
    database = await createDatabase();
    handle = openDatabase(database.url);
    await migrateToLatest(handle.db as never);
    store = new KnowledgeStore(handle.db);
    workspaces = new WorkspaceStore(handle.db);
  });

  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });

  let counter = 0;
  async function newWorkspace(): Promise<string> {
    counter++;
    return (await workspaces.ensure({ slug: `kb-${counter}`, name: `KB ${counter}`, defaultLanguage: 'en' })).workspace.id;
  }

  describe('articles and language versions', () => {
    it('creates an article as a draft with revision 1 and the first language as its source', async () => {
      const ws = await newWorkspace();
      const article = await store.createArticle(ws, 'admin:ana', SHIPPING);
      expect(article).toMatchObject({ slug: 'shipping-europe', category: 'shipping', sourceLanguage: 'en' });
      expect(article.versions).toEqual([
        expect.objectContaining({ language: 'en', status: 'draft', revision: 1, publishedRevision: null, sourceRevision: null, stale: false, title: 'Shipping to Europe', questions: SHIPPING.questions, tags: SHIPPING.tags }),
      ]);
    });

    it('refuses a second article with the same id in the workspace, but allows it in another workspace', async () => {
      const ws = await newWorkspace();
      await store.createArticle(ws, 'admin', SHIPPING);
      await expect(store.createArticle(ws, 'admin', SHIPPING)).rejects.toBeInstanceOf(KnowledgeConflictError);
      await expect(store.createArticle(await newWorkspace(), 'admin', SHIPPING)).resolves.toMatchObject({ slug: 'shipping-europe' });
    });

    it('links translations to the source and marks them stale when the source changes after them', async () => {
      const ws = await newWorkspace();
      await store.createArticle(ws, 'admin', { ...SHIPPING, publish: true });
      const spanish = await store.saveVersion(ws, 'admin', 'shipping-europe', 'es', { title: 'Envíos a Europa', body: 'De 3 a 6 días laborables.', questions: [], tags: [] });
      expect(spanish).toMatchObject({ language: 'es', revision: 1, sourceRevision: 1, stale: false, status: 'draft' });
      await store.saveVersion(ws, 'admin', 'shipping-europe', 'en', { ...SHIPPING, body: 'Now 2-5 business days.', expectedRevision: 1 });
      const article = await store.getArticle(ws, 'shipping-europe');
      expect(article?.versions.find((v) => v.language === 'es')?.stale).toBe(true);
      expect(article?.versions.find((v) => v.language === 'en')?.stale).toBe(false);
      await store.saveVersion(ws, 'admin', 'shipping-europe', 'es', { title: 'Envíos a Europa', body: 'De 2 a 5 días laborables.', questions: [], tags: [], expectedRevision: 1 });
      expect((await store.version(ws, 'shipping-europe', 'es')).stale).toBe(false);
    });

    it('says which article or version is missing', async () => {
      const ws = await newWorkspace();
      await expect(store.saveVersion(ws, 'admin', 'nope', 'en', { title: 't', body: 'b', questions: [], tags: [] })).rejects.toBeInstanceOf(KnowledgeNotFoundError);
      await store.createArticle(ws, 'admin', SHIPPING);
      await expect(store.version(ws, 'shipping-europe', 'fr')).rejects.toThrow('No fr version of the article "shipping-europe".');
      await expect(store.revision(ws, 'shipping-europe', 'en', 9)).rejects.toThrow(/has no revision 9/);
    });
  });

  describe('concurrent edits', () => {
    it('detects an edit based on an older revision instead of overwriting', async () => {
      const ws = await newWorkspace();
      await store.createArticle(ws, 'admin', SHIPPING);
      await store.saveVersion(ws, 'admin:ana', 'shipping-europe', 'en', { ...SHIPPING, body: 'Ana was here.', expectedRevision: 1 });
      const late = store.saveVersion(ws, 'admin:ben', 'shipping-europe', 'en', { ...SHIPPING, body: 'Ben was here.', expectedRevision: 1 });
      await expect(late).rejects.toBeInstanceOf(KnowledgeConflictError);
      await expect(late).rejects.toHaveProperty('currentRevision', 2);
      expect((await store.version(ws, 'shipping-europe', 'en')).body).toBe('Ana was here.');
    });

    it('lets exactly one of two simultaneous saves of the same revision through', async () => {
      const ws = await newWorkspace();
      await store.createArticle(ws, 'admin', SHIPPING);
      const results = await Promise.allSettled(
        ['first', 'second'].map((who) => store.saveVersion(ws, who, 'shipping-europe', 'en', { ...SHIPPING, body: who, expectedRevision: 1 })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect((await store.history(ws, 'shipping-europe', 'en')).map((r) => r.revision)).toEqual([2, 1]);
    });

    it('requires the expected revision to edit an existing version', async () => {
      const ws = await newWorkspace();
      await store.createArticle(ws, 'admin', SHIPPING);
      await expect(store.saveVersion(ws, 'admin', 'shipping-europe', 'en', SHIPPING)).rejects.toThrow(/send expectedRevision \(now 1\)/);
    });
  });

  describe('publishing, history and rollback', () => {
    it('keeps shoppers on the published revision while a newer draft is edited, until it is published', async () => {
      const ws = await newWorkspace();
      await store.createArticle(ws, 'admin', { ...SHIPPING, publish: true });
      await store.saveVersion(ws, 'admin', 'shipping-europe', 'en', { ...SHIPPING, body: 'Draft text', expectedRevision: 1 });
      expect((await store.publishedVersions(ws)).map((v) => [v.slug, v.revision, v.body])).toEqual([['shipping-europe', 1, SHIPPING.body]]);
      await expect(store.publish(ws, 'admin', 'shipping-europe', 'en', 1)).rejects.toBeInstanceOf(KnowledgeConflictError);
      const published = await store.publish(ws, 'admin', 'shipping-europe', 'en', 2);
      expect(published).toMatchObject({ status: 'published', revision: 2, publishedRevision: 2 });
      expect((await store.publishedVersions(ws)).map((v) => v.body)).toEqual(['Draft text']);
      await store.archive(ws, 'admin', 'shipping-europe', 'en');
      expect(await store.publishedVersions(ws)).toEqual([]);
    });

    it('rolls back by writing the old text as a new revision, published at once when the version is live', async () => {
      const ws = await newWorkspace();
      await store.createArticle(ws, 'admin', { ...SHIPPING, publish: true });
      await store.saveVersion(ws, 'admin', 'shipping-europe', 'en', { ...SHIPPING, title: 'Broken', body: 'Oops', expectedRevision: 1, publish: true });
      const rolledBack = await store.rollback(ws, 'admin:ana', 'shipping-europe', 'en', 1, 2);
      expect(rolledBack).toMatchObject({ revision: 3, publishedRevision: 3, title: 'Shipping to Europe', body: SHIPPING.body });
      const history = await store.history(ws, 'shipping-europe', 'en');
      expect(history.map((r) => [r.revision, r.note, r.author])).toEqual([
        [3, 'rollback to 1', 'admin:ana'],
        [2, 'edit', 'admin'],
        [1, 'create', 'admin'],
      ]);
      expect((await store.revision(ws, 'shipping-europe', 'en', 2)).body).toBe('Oops');
    });

    it('filters published versions by article for incremental re-indexing', async () => {
      const ws = await newWorkspace();
      await store.createArticle(ws, 'admin', { ...SHIPPING, publish: true });
      await store.createArticle(ws, 'admin', { ...SHIPPING, slug: 'returns', category: 'returns', title: 'Returns', publish: true });
      expect((await store.publishedVersions(ws, ['returns'])).map((v) => v.slug)).toEqual(['returns']);
      expect(await store.publishedVersions(ws, [])).toEqual([]);
    });
  });

  describe('import', () => {
    it('writes many versions in one go, the source first whatever the order, skipping unchanged texts', async () => {
      const ws = await newWorkspace();
      const german = { slug: 'returns', language: 'de', category: 'returns', title: 'Rückgabe', body: '30 Tage.', questions: [], tags: [] };
      const english = { ...german, language: 'en', title: 'Returns', body: '30 days.' };
      const first = await store.importVersions(ws, 'admin', [german, english], { publish: true, defaultSourceLanguage: 'en' });
      expect(first).toEqual({ slugs: ['returns'], articles: 1, versions: 2 });
      const article = await store.getArticle(ws, 'returns');
      expect(article?.sourceLanguage).toBe('en');
      expect(article?.versions.map((v) => [v.language, v.status, v.stale, v.sourceRevision])).toEqual([
        ['de', 'published', false, 1],
        ['en', 'published', false, null],
      ]);
      const again = await store.importVersions(ws, 'admin', [german, { ...english, body: '31 days.' }], { publish: true });
      expect(again.versions).toBe(1);
      expect((await store.version(ws, 'returns', 'en')).revision).toBe(2);
      expect((await store.version(ws, 'returns', 'de')).stale).toBe(true);
    });

    it('imports nothing when one version fails', async () => {
      const ws = await newWorkspace();
      const ok = { slug: 'ok', language: 'en', category: 'c', title: 'Fine', body: 'b', questions: [], tags: [] };
      const broken = { ...ok, slug: 'bad', title: null as unknown as string };
      await expect(store.importVersions(ws, 'admin', [ok, broken], { publish: true })).rejects.toBeDefined();
      expect(await store.isEmpty(ws)).toBe(true);
    });
  });

  describe('listing and search', () => {
    it('finds articles by words in any version, by status and language, with a total for paging', async () => {
      const ws = await newWorkspace();
      await store.createArticle(ws, 'admin', { ...SHIPPING, publish: true });
      await store.createArticle(ws, 'admin', { ...SHIPPING, slug: 'returns', category: 'returns', title: 'Returns and refunds', body: 'Send it back within 30 days.' });
      await store.saveVersion(ws, 'admin', 'returns', 'de', { title: 'Rücksendungen', body: 'Innerhalb von 30 Tagen zurücksenden.', questions: [], tags: [] });
      expect((await store.listArticles(ws, { search: 'RÜCKSENDUNGEN' })).articles.map((a) => a.slug)).toEqual(['returns']);
      expect((await store.listArticles(ws, { search: 'business days' })).articles.map((a) => a.slug)).toEqual(['shipping-europe']);
      expect((await store.listArticles(ws, { search: '100%_' })).articles).toEqual([]);
      expect((await store.listArticles(ws, { search: '30 days.' })).articles.map((a) => a.slug)).toEqual(['returns']);
      expect((await store.listArticles(ws, { search: '3_6' })).articles).toEqual([]);
      expect((await store.listArticles(ws, { status: 'published' })).articles.map((a) => a.slug)).toEqual(['shipping-europe']);
      expect((await store.listArticles(ws, { language: 'de' })).articles.map((a) => a.slug)).toEqual(['returns']);
      expect((await store.listArticles(ws, { category: 'shipping' })).articles.map((a) => a.slug)).toEqual(['shipping-europe']);
      const page = await store.listArticles(ws, { limit: 1 });
      expect(page.total).toBe(2);
      expect(page.articles).toHaveLength(1);
    });
  });

  describe('audit log, ratings, index version, deletion', () => {
    it('records every change with who did it', async () => {
      const ws = await newWorkspace();
      await store.createArticle(ws, 'admin:ana', SHIPPING);
      await store.publish(ws, 'admin:ben', 'shipping-europe', 'en');
      await store.record(ws, 'admin:ana', 'export', { articles: 1 });
      // Newest first; entries of the same millisecond have no order between them.
      const entries = (await store.auditLog(ws)).map((e) => [e.actor, e.action, e.articleSlug]);
      expect(entries).toHaveLength(3);
      expect(entries).toEqual(
        expect.arrayContaining([
          ['admin:ana', 'export', null],
          ['admin:ben', 'publish', 'shipping-europe'],
          ['admin:ana', 'create', 'shipping-europe'],
        ]),
      );
    });

    it('counts helpful and unhelpful ratings per article, one per answer', async () => {
      const ws = await newWorkspace();
      await store.createArticle(ws, 'admin', SHIPPING);
      const rating = { slug: 'shipping-europe', language: 'de', conversationId: 'c1', messageId: 'm1', helpful: true };
      await store.rate(ws, rating);
      await store.rate(ws, { ...rating, helpful: false }); // changed their mind: replaces
      await store.rate(ws, { ...rating, messageId: 'm2', helpful: false });
      await store.rate(ws, { ...rating, messageId: 'm3', helpful: true });
      expect(await store.ratings(ws)).toEqual([{ slug: 'shipping-europe', helpful: 1, notHelpful: 2 }]);
      await expect(store.rate(ws, { ...rating, slug: 'unknown' })).rejects.toBeInstanceOf(KnowledgeNotFoundError);
    });

    it('counts index versions per workspace from 0', async () => {
      const ws = await newWorkspace();
      expect(await store.indexVersion(ws)).toBe(0);
      expect(await store.bumpIndexVersion(ws)).toBe(1);
      expect(await store.bumpIndexVersion(ws)).toBe(2);
      expect(await store.indexVersion(await newWorkspace())).toBe(0);
    });

    it('deletes an article with its versions, history and ratings, and logs it', async () => {
      const ws = await newWorkspace();
      await store.createArticle(ws, 'admin', { ...SHIPPING, publish: true });
      await store.rate(ws, { slug: 'shipping-europe', language: 'en', conversationId: 'c', messageId: 'm', helpful: true });
      await store.deleteArticle(ws, 'admin', 'shipping-europe');
      expect(await store.getArticle(ws, 'shipping-europe')).toBeUndefined();
      expect(await store.publishedVersions(ws)).toEqual([]);
      expect(await store.ratings(ws)).toEqual([]);
      expect(await store.isEmpty(ws)).toBe(true);
      expect((await store.auditLog(ws))[0]).toMatchObject({ action: 'delete', articleSlug: 'shipping-europe' });
    });
  });
});
